"""The admin's form for tagged pages: the same tag limits as everywhere else."""

from django.core.exceptions import ValidationError
from django.db.models import Q
from taggit.models import Tag
from taggit.utils import parse_tags
from wagtail.admin.forms import WagtailAdminPageForm

from .vocabulary import check_tags


class TaggedPageForm(WagtailAdminPageForm):
    """At most five tags of at most fifty characters (tagging.vocabulary),
    counting the tags in `extra_tag_fields` (comma-separated names) too."""

    extra_tag_fields: tuple[str, ...] = ()

    def clean(self):
        cleaned = super().clean()
        names = list(cleaned.get("tags") or [])
        for field in self.extra_tag_fields:
            names += parse_tags(cleaned.get(field) or "")
        match = Q(pk__in=[])
        for name in names:
            match |= Q(name__iexact=name)
        known = {tag.name.casefold() for tag in Tag.objects.filter(match)}
        try:
            check_tags(
                [name for name in names if name.casefold() not in known], known=known
            )
        except ValidationError as error:
            self.add_error("tags", error)
        return cleaned
