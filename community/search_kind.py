"""Countries and experts in the site search (`core.search_kinds`): live,
public country pages, and the members listed in the directory."""

from django.db.models import Q, QuerySet
from django.db.models.functions import Substr
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from core.search_kinds import SearchItem, SearchKind

from .models import CountryPage, User

# Regions are children of the home page: their tree path is this long.
REGION_PATH_LENGTH = 12


def country_queryset(user, params) -> QuerySet | None:
    if params.forum or params.tag or params.date_from or params.date_to:
        return None
    qs = CountryPage.objects.live().public()
    if params.region:
        qs = qs.descendant_of(params.region)
    if params.country:
        qs = qs.filter(pk=params.country.pk)
    if params.language:
        qs = qs.filter(locale__language_code=params.language)
    return qs


def expert_queryset(user, params) -> QuerySet | None:
    if params.forum or params.language or params.date_from or params.date_to:
        return None
    # The directory's members only: who opted out is not listed here either.
    qs = User.objects.listed()
    if params.region:
        qs = qs.filter(country__path__startswith=params.region.path)
    if params.country:
        qs = qs.filter(country=params.country)
    if params.tag:
        qs = qs.filter(tagged_expertise__tag=params.tag)
    return qs


def country_items(pks, request) -> dict:
    return {
        page.pk: SearchItem(
            page.title, page.get_url(request) or "", page.intro, [page.iso_code]
        )
        for page in CountryPage.objects.filter(pk__in=pks)
    }


def expert_items(pks, request) -> dict:
    items = {}
    for member in User.objects.filter(pk__in=pks).select_related("country"):
        about = " · ".join(
            part for part in (member.position, member.organisation, member.bio) if part
        )
        items[member.pk] = SearchItem(
            member.get_display_name(),
            member.get_absolute_url(),
            Truncator(about).chars(400),
            place=member.country.title if member.country else "",
        )
    return items


def _page_links(pages, request) -> list[tuple[str, str]]:
    return [(page.title, page.get_url(request) or "") for page in pages]


def _member_links(members, request) -> list[tuple[str, str]]:
    return [
        (member.get_display_name(), member.get_absolute_url()) for member in members
    ]


COUNTRY = SearchKind(
    key="country",
    label=_("Countries"),
    order=50,
    queryset=country_queryset,
    fetch=country_items,
    language=lambda code: Q(locale__language_code=code),
    facets={"region": "_region_path", "country": "pk"},
    annotations={"_region_path": Substr("path", 1, REGION_PATH_LENGTH)},
    suggest=lambda user: CountryPage.objects.live().public(),
    suggest_links=_page_links,
    suggest_order=10,
)

EXPERT = SearchKind(
    key="expert",
    label=_("Experts"),
    order=60,
    queryset=expert_queryset,
    fetch=expert_items,
    title_fields=("display_name", "username"),
    facets={"country": "country", "tag": "tagged_expertise__tag"},
    suggest=lambda user: User.objects.listed(),
    suggest_links=_member_links,
    suggest_order=50,
)
