"""Facets: how many results each filter value would keep.

`facet_counts()` counts one kind's results (at most `CAP`) per value of each
dimension its spec names (`SearchKind.facets`) and per date span;
`label_facets()` adds up every kind's counts and names the values (regions,
countries, forums, tags, languages, dates) for the page, best first, at most
12 per dimension.
"""

import datetime
import heapq
from collections import defaultdict
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import DateTimeField, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from community.models import CountryPage, RegionPage
from forum.models import Forum
from translations.names import place_name, subject_name

from .engines import among
from .forms import LANGUAGE_LABELS
from .results import FacetValue, SearchParams

# Regions are children of the home page: their tree path is this long (a
# country's path starts with its region's; community.search_kind cuts it so).
REGION_PATH_LENGTH = 12


def is_multi_valued(model, path: str) -> bool:
    """Whether `path` can give an item several values (tags, languages)."""
    for name in path.split("__"):
        try:
            found = model._meta.get_field(name)
        except FieldDoesNotExist:
            return False
        if found.many_to_many or found.one_to_many:
            return True
        if not found.is_relation:
            return False
        model = found.related_model
    return False


def single_valued(kind, model) -> list[str]:
    """The kind's facet and date paths that give each item one value: they
    come with its result rows."""
    return [
        path
        for path in dict.fromkeys([*kind.facets.values(), kind.date_field])
        if path and not is_multi_valued(model, path)
    ]


def _date_spans(kind, model) -> dict[str, Any]:
    now = timezone.now()
    spans = {
        "week": now - datetime.timedelta(days=7),
        "month": now - datetime.timedelta(days=31),
        "year": now - datetime.timedelta(days=366),
    }
    if not isinstance(model._meta.get_field(kind.date_field), DateTimeField):
        spans = {key: value.date() for key, value in spans.items()}
    return spans


def facet_counts(kind, qs: QuerySet, rows: list[dict], single: list[str]) -> dict:
    """Items per facet value among `rows` (the kind's results, at most `CAP`):
    single-valued dimensions come with the rows, each multi-valued one as an
    array on PostgreSQL or with one query over the same primary keys."""
    counts: dict[str, dict] = {}
    pks = [row["pk"] for row in rows]
    for dimension, path in kind.facets.items():
        seen: dict[Any, set] = defaultdict(set)
        if path in single:
            pairs = ((row["pk"], row[path]) for row in rows)
        elif rows and f"_all_{dimension}" in rows[0]:
            pairs = (
                (row["pk"], value)
                for row in rows
                for value in row[f"_all_{dimension}"] or ()
            )
        else:
            pairs = among(qs, pks).order_by().values_list("pk", path)
        for pk, value in pairs:
            if value is not None:
                seen[value].add(pk)
        counts[dimension] = {value: len(items) for value, items in seen.items()}
    if kind.date_field:
        counts["dates"] = {
            key: sum(
                1
                for row in rows
                if row[kind.date_field] is not None and row[kind.date_field] >= since
            )
            for key, since in _date_spans(kind, qs.model).items()
        }
    return counts


def label_facets(
    totals: dict[str, dict], params: SearchParams, user
) -> dict[str, list[FacetValue]]:
    facets: dict[str, list[FacetValue]] = {}

    def build(dimension, labels: dict, selected_value):
        values = []
        for key, count in sorted(
            totals.get(dimension, {}).items(), key=lambda item: (-item[1], str(item[0]))
        ):
            if key not in labels or not count:
                continue
            slug, label = labels[key]
            values.append(
                FacetValue(
                    slug,
                    label,
                    count,
                    selected=slug == selected_value,
                    query=params.as_query(**{dimension: slug}),
                )
            )
        facets[dimension] = values[:12]

    region_counts = totals.get("region", {})
    if region_counts:
        # Plain values, not page objects: only the labels are needed.
        regions = RegionPage.objects.live().values_list("pk", "slug", "title", "path")
        labels = {}
        for pk, slug, title, path in regions:
            title = place_name(title)
            labels[pk] = (slug, title)
            labels[path[:REGION_PATH_LENGTH]] = (slug, title)
        merged: dict = defaultdict(int)
        for key, count in region_counts.items():
            if key in labels:
                merged[labels[key][0]] += count
        totals["region"] = dict(merged)
        build(
            "region",
            {slug: (slug, title) for slug, title in labels.values()},
            params.region.slug if params.region else "",
        )
    if totals.get("country"):
        countries = CountryPage.objects.filter(
            pk__in=list(totals["country"])
        ).values_list("pk", "slug", "title")
        build(
            "country",
            {pk: (slug, place_name(title)) for pk, slug, title in countries},
            params.country.slug if params.country else "",
        )
    if totals.get("forum"):
        forums = (
            Forum.objects.visible_to(user)
            .filter(pk__in=list(totals["forum"]))
            .values_list("pk", "slug", "name")
        )
        build(
            "forum",
            {pk: (slug, subject_name(name)) for pk, slug, name in forums},
            params.forum.slug if params.forum else "",
        )
    if totals.get("tag"):
        top = heapq.nlargest(12, totals["tag"].items(), key=lambda item: item[1])
        tags = Tag.objects.filter(pk__in=[key for key, _count in top]).values_list(
            "pk", "slug", "name"
        )
        totals["tag"] = dict(top)
        build(
            "tag",
            {pk: (slug, subject_name(name)) for pk, slug, name in tags},
            params.tag.slug if params.tag else "",
        )
    if totals.get("language"):
        build(
            "language",
            {code: (code, str(label)) for code, label in LANGUAGE_LABELS.items()},
            params.language,
        )
    dates = totals.get("dates")
    if dates:
        today = timezone.localdate()
        spans = [
            ("week", _("Past week"), 7),
            ("month", _("Past month"), 31),
            ("year", _("Past year"), 366),
        ]
        chosen = params.date_from.isoformat() if params.date_from else ""
        values = []
        for key, label, days in spans:
            start = (today - datetime.timedelta(days=days)).isoformat()
            if dates.get(key):
                values.append(
                    FacetValue(
                        start,
                        str(label),
                        dates[key],
                        selected=start == chosen,
                        query=params.as_query(date_from=start, date_to=""),
                    )
                )
        facets["dates"] = values
    return facets
