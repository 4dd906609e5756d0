"""News in the site search (`core.search_kinds`): published posts, filtered by
place, tag, language and publication date."""

from django.db.models import F, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from core.search_kinds import SearchItem, SearchKind

from .models import BlogPostPage


def news_queryset(user, params) -> QuerySet | None:
    if params.forum:
        return None
    qs = BlogPostPage.objects.published()
    if params.region:
        qs = qs.filter(region=params.region)
    if params.country:
        qs = qs.filter(country=params.country)
    if params.tag:
        qs = qs.filter(tagged_items__tag=params.tag)
    if params.language:
        qs = qs.filter(language=params.language)
    if params.date_from:
        qs = qs.filter(published_at__date__gte=params.date_from)
    if params.date_to:
        qs = qs.filter(published_at__date__lte=params.date_to)
    return qs


def news_items(pks, request) -> dict:
    return {
        page.pk: SearchItem(
            page.title,
            page.get_url(request) or "",
            page.intro,
            date=page.published_at,
            language=page.language,
            place=page.country_title or "",
        )
        for page in (
            BlogPostPage.objects.filter(pk__in=pks)
            # The country's name only: joining its page rows costs more.
            .annotate(country_title=F("country__title"))
            .defer("body")  # the whole article is not shown
        )
    }


def _links(pages, request) -> list[tuple[str, str]]:
    return [(page.title, page.get_url(request) or "") for page in pages]


NEWS = SearchKind(
    key="news",
    label=_("News"),
    order=10,
    queryset=news_queryset,
    fetch=news_items,
    language=lambda code: Q(language=code),
    facets={
        "region": "region",
        "country": "country",
        "tag": "tagged_items__tag",
        "language": "language",
    },
    date_field="published_at",
    suggest=lambda user: BlogPostPage.objects.published(),
    suggest_links=_links,
    suggest_order=30,
)
