"""National targets in the site search (`core.search_kinds`): published
targets only, whoever searches (drafts stay on their country's targets page),
filtered by place, language and date of publication."""

from django.db.models import Q, QuerySet
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core.search_kinds import SearchItem, SearchKind

from .models import NationalTarget


def targets_queryset(user, params) -> QuerySet | None:
    if params.forum or params.tag:
        return None
    qs = NationalTarget.objects.published()
    if params.region:
        qs = qs.filter(country__path__startswith=params.region.path)
    if params.country:
        qs = qs.filter(country=params.country)
    if params.language:
        qs = qs.filter(titles__has_key=params.language)
    if params.date_from:
        qs = qs.filter(published_at__date__gte=params.date_from)
    if params.date_to:
        qs = qs.filter(published_at__date__lte=params.date_to)
    return qs


def targets_items(pks, request) -> dict:
    items = {}
    for target in NationalTarget.objects.filter(pk__in=pks).select_related("country"):
        title = target.title
        items[target.pk] = SearchItem(
            f"{target.code} {title}".strip() if target.code else title,
            target.get_absolute_url(),
            Truncator(target.text).chars(400),
            meta=[str(target.get_status_display())],
            date=target.published_at,
            place=target.country.title,
        )
    return items


TARGETS = SearchKind(
    key="national-targets",
    label=_("National targets"),
    order=48,
    queryset=targets_queryset,
    fetch=targets_items,
    title_fields=("code",),
    language=lambda code: Q(titles__has_key=code),
    facets={"country": "country"},
    date_field="published_at",
)
