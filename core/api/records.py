"""CBD-style JSON records: what the central CHM can ingest.

A record has a header (identifier, schema, languages), multilingual strings
as `{"en": ..., "fr": ...}` built from the page's Wagtail translations (same
translation_key, other locales) and CBD subject identifiers.

An app adds a kind of record with
`core.api.registry.register_cbd_record(RecordExporter(...))` in its
AppConfig.ready(), and gets the JSON endpoint and the bulk export for free.
The helpers below build the parts every record shares. They read only
attributes: a page's `tags` (each tag's `subject.code`, when the tag is a CBD
subject), a country's `iso_code`.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db.models import QuerySet

SOURCE = "chm-commons"


@dataclass(frozen=True)
class RecordExporter:
    schema: str  # e.g. "toolkit": the record's kind, also its URL segment
    queryset: Callable[[], QuerySet]  # what may be exported: public things only
    to_record: Callable[[object], dict]
    # The field the identifier's last part matches (pages: translation_key).
    key_field: str = "translation_key"
    # A datetime attribute that dates a record, for Last-Modified (or None).
    modified_field: str | None = "last_published_at"


def identifier(schema: str, key) -> str:
    return f"{SOURCE}:{schema}:{key}"


def header(schema: str, key, languages: Iterable[str]) -> dict:
    return {
        "identifier": identifier(schema, key),
        "schema": schema,
        "languages": sorted(languages),
        "source": settings.SITE_BASE_URL,
    }


def translations_of(page) -> list:
    """The page and its live, public translations, source locale first."""
    from wagtail.models import Page

    pages = (
        Page.objects.filter(translation_key=page.translation_key)
        .live()
        .public()
        .select_related("locale")
        .specific()
    )
    return sorted(pages, key=lambda p: (p.pk != page.pk, p.locale.language_code))


def language_code(page) -> str:
    return page.locale.language_code


def multilingual(pages: list, attribute: str) -> dict[str, str]:
    values = {}
    for page in pages:
        value = getattr(page, attribute, "")
        if value:
            values[language_code(page)] = str(value)
    return values


def subject_codes(page) -> list[dict]:
    """The CBD subjects among the page's tags, in one query."""
    from taggit.models import Tag

    tags = [tag.pk for tag in page.tags.all()]
    codes = Tag.objects.filter(pk__in=tags, subject__isnull=False).values_list(
        "subject__code", flat=True
    )
    return [{"identifier": code} for code in sorted(codes)]


def urls(pages: list) -> dict[str, str]:
    return {
        language_code(page): settings.SITE_BASE_URL + (page.get_url() or "")
        for page in pages
    }


def country_ref(country) -> dict | None:
    return {"identifier": country.iso_code.lower()} if country else None


def source_pages(model) -> QuerySet:
    """One record per translation set: the page in the default locale."""
    from wagtail.models import Locale

    return (
        model.objects.live()
        .public()
        .filter(locale=Locale.get_default())
        .select_related("country")
        .prefetch_related("tags")
        .order_by("pk")
    )
