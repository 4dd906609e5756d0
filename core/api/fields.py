"""API fields shared by the page models' `api_fields`: what harvesters need to
classify an item (tags, CBD subjects, place in the network, authors) without
a second request. Imports no model, so models can import it: they read only
the attributes named here (a tag's `name` and `subject.code`, a country's
`iso_code` and `title`, a region's `slug` and `title`)."""

from django.core.exceptions import ObjectDoesNotExist
from rest_framework import serializers


class TagNamesField(serializers.Field):
    def to_representation(self, value):
        return sorted(tag.name for tag in value.all())


class SubjectCodesField(serializers.Field):
    """The CBD thesaurus identifiers (CBD-SUBJECT-FOR, ...) among the tags."""

    def to_representation(self, value):
        # Reads tag.subject, prefetched by the API's listing queryset.
        return sorted(tag.subject.code for tag in value.all() if _has_subject(tag))


def _has_subject(tag) -> bool:
    try:
        return tag.subject is not None
    except ObjectDoesNotExist:
        return False


class CountryField(serializers.Field):
    def to_representation(self, value):
        if value is None:
            return None
        return {"id": value.pk, "iso_code": value.iso_code, "title": value.title}


class RegionField(serializers.Field):
    def to_representation(self, value):
        if value is None:
            return None
        return {"id": value.pk, "slug": value.slug, "title": value.title}


class NamesField(serializers.Field):
    """Display names only: never a member's email or username."""

    def to_representation(self, value):
        return list(value)
