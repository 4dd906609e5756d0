"""Events in the site search (`core.search_kinds`): published events, filtered
by place, tag, language and date."""

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from core.search_kinds import SearchItem, SearchKind

from .models import EventPage


def events_queryset(user, params) -> QuerySet | None:
    if params.forum:
        return None
    qs = EventPage.objects.published()
    if params.region:
        qs = qs.filter(region=params.region)
    if params.country:
        qs = qs.filter(country=params.country)
    if params.tag:
        qs = qs.filter(tagged_items__tag=params.tag)
    if params.language:
        qs = qs.filter(languages__contains=f",{params.language},")
    if params.date_from:
        qs = qs.filter(end__date__gte=params.date_from)
    if params.date_to:
        qs = qs.filter(start__date__lte=params.date_to)
    return qs


def events_items(pks, request) -> dict:
    return {
        page.pk: SearchItem(
            page.title,
            page.get_url(request) or "",
            page.summary,
            meta=[str(page.get_kind_display()), page.place],
            date=page.start,
            language=page.language_codes[0] if page.language_codes else "",
            place=page.country.title if page.country else "",
        )
        for page in EventPage.objects.filter(pk__in=pks)
        .select_related("country")
        .defer("description")
    }


def _links(pages, request) -> list[tuple[str, str]]:
    return [(page.title, page.get_url(request) or "") for page in pages]


EVENTS = SearchKind(
    key="events",
    label=_("Events"),
    order=45,
    queryset=events_queryset,
    fetch=events_items,
    language=lambda code: Q(languages__contains=f",{code},"),
    facets={
        "region": "region",
        "country": "country",
        "tag": "tagged_items__tag",
    },
    date_field="start",
    suggest=lambda user: EventPage.objects.published().upcoming(),
    suggest_links=_links,
    suggest_order=45,
)
