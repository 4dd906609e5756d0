"""What the library, toolkit, country and tag pages show of toolkits.

Every function here runs a constant number of queries whatever the number of
toolkits: filtering uses EXISTS subqueries, counts are grouped queries (one per
facet), lists are paginated and prefetched.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from community.capacity import CapacityLevel
from translations.names import place_name, subject_name

from .models import (
    TOOLKIT_LANGUAGES,
    TOOLKITS_PER_PAGE,
    ToolkitLanguage,
    ToolkitLibraryPage,
    ToolkitPage,
    ToolkitResource,
    ToolkitTag,
)
from .uploads import FORMAT_CHOICES

FILTER_KEYS = ("subject", "language", "level", "format", "region")
SORT_CHOICES = [
    ("newest", _("Newest")),
    ("downloads", _("Most downloaded")),
    ("title", _("Title")),
]
LEVEL_TOOLKITS = 5
PROFILE_TOOLKITS = 5
RELATED_TOOLKITS = 4


class ToolkitFilterForm(forms.Form):
    """The browsing filters, read from the query string. A value that is not
    valid is left out (the page still shows), never an error."""

    subject = forms.SlugField(required=False, max_length=100)
    language = forms.ChoiceField(required=False, choices=TOOLKIT_LANGUAGES)
    level = forms.TypedChoiceField(
        required=False,
        choices=CapacityLevel.choices,
        coerce=int,
        empty_value=None,
    )
    format = forms.ChoiceField(required=False, choices=FORMAT_CHOICES)
    region = forms.SlugField(required=False, max_length=100)
    sort = forms.ChoiceField(required=False, choices=SORT_CHOICES)

    def active(self) -> dict:
        """The filters that are valid and set; invalid ones are ignored."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            key: cleaned[key]
            for key in (*FILTER_KEYS, "sort")
            if cleaned.get(key) not in (None, "")
        }


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


def _ids(queryset):
    return queryset.order_by().values("pk")


def facets(base, filters: dict) -> dict[str, list[Option]]:
    """For each filter, its options with how many toolkits each would show,
    given the other filters (so choosing one never hides the alternatives)."""

    def others(key: str):
        return base.filter_by(**{k: v for k, v in filters.items() if k != key})

    subject_counts = (
        ToolkitTag.objects.filter(content_object__in=_ids(others("subject")))
        .values_list("tag__slug", "tag__name")
        .annotate(n=Count("content_object", distinct=True))
        .order_by("tag__name")
    )
    language_counts = dict(
        ToolkitLanguage.objects.filter(page__in=_ids(others("language")))
        .values_list("language")
        .annotate(n=Count("page", distinct=True))
        .order_by()
    )
    level_counts = others("level").aggregate(
        **{
            f"level{n}": Count("pk", filter=Q(min_level__lte=n, max_level__gte=n))
            for n in CapacityLevel.values
        }
    )
    format_counts = dict(
        ToolkitResource.objects.filter(page__in=_ids(others("format")))
        .exclude(file_format="")
        .values_list("file_format")
        .annotate(n=Count("page", distinct=True))
        .order_by()
    )
    region_counts = (
        others("region")
        .exclude(region=None)
        .values_list("region__slug", "region__title")
        .annotate(n=Count("pk"))
        .order_by("region__title")
    )
    return {
        "subject": [
            Option(slug, subject_name(name), n, filters.get("subject") == slug)
            for slug, name, n in subject_counts
        ],
        "language": [
            Option(
                code,
                str(name),
                language_counts.get(code, 0),
                filters.get("language") == code,
            )
            for code, name in TOOLKIT_LANGUAGES
        ],
        "level": [
            Option(
                str(n), str(label), level_counts[f"level{n}"], filters.get("level") == n
            )
            for n, label in CapacityLevel.choices
        ],
        "format": [
            Option(key, label, format_counts[key], filters.get("format") == key)
            for key, label in FORMAT_CHOICES
            if format_counts.get(key) or filters.get("format") == key
        ],
        "region": [
            Option(slug, place_name(title), n, filters.get("region") == slug)
            for slug, title, n in region_counts
        ],
    }


def paginate_toolkits(request, queryset, per_page: int = TOOLKITS_PER_PAGE):
    """`?page=abc` gives the first page, too far the last."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def library_feeds(library) -> dict:
    return {
        "rss": reverse("toolkit_feeds:library_rss", args=[library.slug]),
        "atom": reverse("toolkit_feeds:library_atom", args=[library.slug]),
    }


def _filters_and_sort(request) -> tuple[ToolkitFilterForm, dict, str]:
    form = ToolkitFilterForm(request.GET)
    active = form.active()
    sort = active.pop("sort", "newest")
    return form, active, sort


def _query(active: dict, sort: str) -> dict:
    """The query string that shows these filters: no empty or default values."""
    query = dict(active)
    if sort != "newest":
        query["sort"] = sort
    return query


def canonical_library_url(request) -> str:
    """The shareable address of what the reader sees (htmx pushes it): the
    valid filters only, and the page number when past the first."""
    _form, active, sort = _filters_and_sort(request)
    query = _query(active, sort)
    page = request.GET.get("page", "")
    if page.isdigit() and int(page) > 1:
        query["page"] = page
    return f"{request.path}?{urlencode(query)}" if query else request.path


def library_context(request, library: ToolkitLibraryPage) -> dict:
    form, active, sort = _filters_and_sort(request)
    base = ToolkitPage.objects.child_of(library).published()
    results = (
        base.filter_by(**active)
        .for_listing()
        .prefetch_related("resources")
        .sorted_by(sort)
    )
    toolkits = paginate_toolkits(request, results)
    query = _query(active, sort)
    return {
        "filter_form": form,
        "filters": active,
        "filter_count": len(active),
        # A filter changed in place: the panel it was changed in stays open.
        "filters_open": bool(getattr(request, "htmx", False)),
        "sort": sort,
        "sort_choices": SORT_CHOICES,
        "facets": facets(base, active),
        "toolkits": toolkits,
        "result_count": toolkits.paginator.count,
        "filter_query": f"&{urlencode(query)}" if query else "",
        "propose_url": reverse("toolkits:propose") + f"?library={library.pk}",
        **library_feeds(library),
    }


def related_toolkits(
    toolkit: ToolkitPage, tag_ids: list[int], limit: int = RELATED_TOOLKITS
):
    """Other toolkits sharing the most tags (then the most downloaded)."""
    if not tag_ids:
        return []
    return list(
        ToolkitPage.objects.published()
        .exclude(pk=toolkit.pk)
        .filter(tagged_items__tag__in=tag_ids)
        .annotate(shared=Count("tagged_items"))
        .order_by("-shared", "-download_count", "-pk")[:limit]
    )


def toolkit_context(request, toolkit: ToolkitPage) -> dict:
    tags = list(toolkit.tags.all())
    library = toolkit.get_parent()
    return {
        "tags": tags,
        "resources": list(toolkit.resources.all()),
        "related_toolkits": related_toolkits(toolkit, [tag.pk for tag in tags]),
        "library": library,
        **library_feeds(library),
    }


def level_toolkits_context(level: int, limit: int = LEVEL_TOOLKITS) -> dict:
    """For a country page: the most downloaded toolkits aimed at its capacity
    level (one query; the page links to the main library filtered by level)."""
    toolkits = ToolkitPage.objects.published().for_level(level).most_downloaded()
    return {"level_toolkits": list(toolkits[:limit])}


def country_level_toolkits_context(request, country) -> dict:
    """The country page's section: toolkits for the country's capacity level."""
    return level_toolkits_context(country.capacity_level)


def member_toolkits_context(request, member, limit: int = PROFILE_TOOLKITS) -> dict:
    """A member's profile: the toolkits they published lately."""
    return {
        "toolkits": ToolkitPage.objects.published()
        .filter(owner=member)
        .order_by("-first_published_at")[:limit]
    }


def toolkits_for_tag(request, tag: Tag, limit: int = TOOLKITS_PER_PAGE) -> dict:
    """The tag page's section: the newest tagged toolkits, and a link to the
    main library filtered by the tag for the rest (the tag page paginates news)."""
    toolkits = list(
        ToolkitPage.objects.published()
        .with_subject(tag.slug)
        .for_listing()
        .prefetch_related("resources")
        .newest_first()[: limit + 1]
    )
    return {
        "toolkits": toolkits[:limit],
        "more": len(toolkits) > limit,
        "library_query": urlencode({"subject": tag.slug}),
        "rss": reverse("toolkit_feeds:tag_rss", args=[tag.slug]),
        "atom": reverse("toolkit_feeds:tag_atom", args=[tag.slug]),
    }
