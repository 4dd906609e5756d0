"""Toolkits in the site search (`core.search_kinds`): published toolkits,
filtered by place, subject, language and publication date."""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from core.search_kinds import SearchItem, SearchKind

from .models import ToolkitLanguage, ToolkitPage


def toolkit_queryset(user, params) -> QuerySet | None:
    if params.forum:
        return None
    qs = ToolkitPage.objects.published()
    if params.region:
        qs = qs.filter(region=params.region)
    if params.country:
        qs = qs.filter(country=params.country)
    if params.tag:
        qs = qs.with_subject(params.tag.slug)
    if params.language:
        qs = qs.in_language(params.language)
    if params.date_from:
        qs = qs.filter(publication_date__gte=params.date_from)
    if params.date_to:
        qs = qs.filter(publication_date__lte=params.date_to)
    return qs


def toolkit_items(pks, request) -> dict:
    return {
        page.pk: SearchItem(
            page.title,
            page.get_url(request) or "",
            page.summary,
            [page.publisher] if page.publisher else [],
            page.publication_date,
        )
        # The summary is shown, not the description.
        for page in ToolkitPage.objects.filter(pk__in=pks).defer("description")
    }


def _links(pages, request) -> list[tuple[str, str]]:
    return [(page.title, page.get_url(request) or "") for page in pages]


TOOLKIT = SearchKind(
    key="toolkit",
    label=_("Toolkits"),
    order=40,
    queryset=toolkit_queryset,
    fetch=toolkit_items,
    language=lambda code: Q(
        Exists(ToolkitLanguage.objects.filter(page=OuterRef("pk"), language=code))
    ),
    facets={
        "region": "region",
        "country": "country",
        "tag": "tagged_items__tag",
        "language": "toolkit_languages__language",
    },
    date_field="publication_date",
    suggest=lambda user: ToolkitPage.objects.published(),
    suggest_links=_links,
    suggest_order=20,
)
