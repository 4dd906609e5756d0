"""One search across the network, built on Wagtail's search backends.

Everything is indexed; what a member may see is decided here, at query time,
with the same QuerySet methods the rest of the site uses (`visible_to`,
`published`, `public`). Forum moderation flips flags with `QuerySet.update()`,
which sends no signal, so filtering the index would go stale; filtering the
results cannot.

Each kind reads at most its best `CAP` (200) visible matches: more than anyone
reads before refining the search, and the bound that keeps a word found in 100k posts as
cheap as a rare one. Below it counts and facets are exact; above it the count
is shown as a floor ("200+") and facets are counted among those matches.

On PostgreSQL the candidates come from the index first (`search.candidates`)
and the visibility querysets run over their keys. With SQLite FTS5 the match
runs inside the visible, filtered queryset; with Elasticsearch/OpenSearch the
backend returns its best `CANDIDATES` hits per kind and the same querysets then
filter them.
"""

import datetime
import heapq
import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import (
    Case,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

from blog.models import BlogPostPage
from community.models import CountryPage, RegionPage, User
from forum.models import Forum, Post, Topic, forum_root_url
from toolkits.models import ToolkitLanguage, ToolkitPage
from translations.names import place_name, subject_name

from . import spelling
from .candidates import (
    CAP,
    among,
    autocomplete_candidates,
    candidates,
    count_newest,
    newest_first,
)
from .forms import KIND_CHOICES, KIND_LABELS, LANGUAGE_LABELS

logger = logging.getLogger(__name__)

PER_PAGE = 10
MAX_PAGES = 50  # deeper than anyone reads; keeps merging and OFFSETs cheap
CANDIDATES = 500  # per kind, for backends that cannot search inside a queryset
SUGGESTIONS = 8
SUGGEST_CANDIDATES = 20  # per kind, before visibility (PostgreSQL)
SNIPPET_CHARS = 220
# Regions are children of the home page: their tree path is this long.
REGION_PATH_LENGTH = 12
FILTER_LABELS = {
    "kind": _("Kind"),
    "region": _("Region"),
    "country": _("Country"),
    "forum": _("Forum"),
    "tag": _("Tag"),
    "language": _("Language"),
    "dates": _("Date"),
}


@dataclass
class SearchParams:
    q: str = ""
    kind: str = ""
    region: RegionPage | None = None
    country: CountryPage | None = None
    forum: Forum | None = None
    tag: Tag | None = None
    language: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    page: int = 1

    @property
    def active_filters(self) -> list[str]:
        return [
            name
            for name in ("kind", "region", "country", "forum", "tag", "language")
            if getattr(self, name)
        ] + (["dates"] if self.date_from or self.date_to else [])

    def without(self, name: str) -> "SearchParams":
        values = dict(self.__dict__, page=1)
        if name == "dates":
            values.update(date_from=None, date_to=None)
        else:
            values[name] = SearchParams.__dataclass_fields__[name].default
        return SearchParams(**values)

    def as_query(self, **changes) -> dict[str, str]:
        """The GET parameters for these params (changed by `changes`)."""
        values = {
            "q": self.q,
            "kind": self.kind,
            "region": self.region.slug if self.region else "",
            "country": self.country.slug if self.country else "",
            "forum": self.forum.slug if self.forum else "",
            "tag": self.tag.slug if self.tag else "",
            "language": self.language,
            "date_from": self.date_from.isoformat() if self.date_from else "",
            "date_to": self.date_to.isoformat() if self.date_to else "",
        }
        values.update(changes)
        return {key: value for key, value in values.items() if value}


@dataclass
class Hit:
    kind: str
    title: SafeString
    url: str
    snippet: SafeString
    meta: list[str] = field(default_factory=list)
    date: Any = None
    language: str = ""

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    query: dict[str, str] = field(default_factory=dict)
    capped: bool = False  # at least `count`: there are more than counted


@dataclass
class SearchResults:
    params: SearchParams
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    capped: bool = False  # some kind has more than `CAP` matches: total is a floor
    page: int = 1
    num_pages: int = 1
    kind_counts: list[FacetValue] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    relaxed: bool = False
    spelling: FacetValue | None = None  # “did you mean”
    drop_suggestions: list[FacetValue] = field(default_factory=list)

    @property
    def cap(self) -> int:
        return CAP

    @property
    def first_index(self) -> int:
        return (self.page - 1) * PER_PAGE + 1

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def previous_page(self) -> int:
        return self.page - 1

    @property
    def next_page(self) -> int:
        return self.page + 1


# --- the query text ----------------------------------------------------------


def query_terms(text: str) -> list[str]:
    return [term for term in text.split() if term]


def build_query(text: str, operator: str = "and") -> PlainText:
    return PlainText(text, operator=operator)


class SearchUnavailable(Exception):
    """The search engine (Elasticsearch/OpenSearch) could not be reached."""


def _backend():
    return get_search_backend()


def _is_database_backend(backend) -> bool:
    return hasattr(backend.results_class, "get_queryset")


def _higher_is_better(backend) -> bool:
    # SQLite's bm25() is negative, lower meaning more relevant.
    return type(backend).__name__ != "SQLiteSearchBackend"


def match(
    queryset: QuerySet, query, *, ranked: bool = True, autocomplete: bool = False
) -> QuerySet:
    """`queryset` narrowed to what matches `query`, annotated with
    `search_score` (higher is better) when `ranked`."""
    backend = _backend()
    if _is_database_backend(backend):
        compiler_class = (
            backend.autocomplete_query_compiler_class
            if autocomplete
            else backend.query_compiler_class
        )
        # The database compilers search inside the queryset as given, so the
        # visibility filters need no FilterField (which they could not express).
        compiler = compiler_class(queryset, query, order_by_relevance=ranked)
        results = backend.results_class(backend, compiler)
        if ranked:
            results = results.annotate_score("_score")
        matched = results.get_queryset()
        if not ranked:
            return matched.order_by()
        sign = 1 if _higher_is_better(backend) else -1
        return matched.annotate(search_score=F("_score") * sign)
    # Elasticsearch/OpenSearch: the backend ranks, the database filters.
    model = queryset.model
    search = backend.autocomplete if autocomplete else backend.search
    hits = search(query, model.objects.all()).annotate_score("_score")[:CANDIDATES]
    try:
        scores = {hit.pk: hit._score or 0.0 for hit in hits}
    except Exception as error:  # the engine's client raises its own errors
        logger.exception("The search engine did not answer")
        raise SearchUnavailable from error
    narrowed = queryset.filter(pk__in=list(scores))
    if not ranked:
        return narrowed
    return narrowed.annotate(
        search_score=Case(
            *[When(pk=pk, then=Value(score)) for pk, score in scores.items()],
            default=Value(0.0),
        )
    )


# --- one function per kind: visible, filtered querysets ------------------------


def _dates(qs: QuerySet, params: SearchParams, path: str) -> QuerySet:
    if params.date_from:
        qs = qs.filter(**{f"{path}__date__gte": params.date_from})
    if params.date_to:
        qs = qs.filter(**{f"{path}__date__lte": params.date_to})
    return qs


def news_queryset(user, params: SearchParams) -> QuerySet | None:
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
    return _dates(qs, params, "published_at")


def topic_queryset(user, params: SearchParams) -> QuerySet | None:
    if params.region or params.country:
        return None
    qs = Topic.objects.visible_to(user)
    if params.forum:
        qs = qs.filter(forum=params.forum)
    if params.tag:
        qs = qs.filter(tagged_items__tag=params.tag)
    if params.language:
        qs = qs.filter(language=params.language)
    return _dates(qs, params, "created_at")


def post_queryset(user, params: SearchParams) -> QuerySet | None:
    if params.region or params.country:
        return None
    # A visible post must also sit in a topic (and forum) the member may read.
    qs = Post.objects.visible_to(user).filter(
        topic__in=Topic.objects.visible_to(user).values("pk")
    )
    if params.forum:
        qs = qs.filter(topic__forum=params.forum)
    if params.tag:
        qs = qs.filter(topic__tagged_items__tag=params.tag)
    if params.language:
        qs = qs.filter(topic__language=params.language)
    return _dates(qs, params, "created_at")


def toolkit_queryset(user, params: SearchParams) -> QuerySet | None:
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


def country_queryset(user, params: SearchParams) -> QuerySet | None:
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


def expert_queryset(user, params: SearchParams) -> QuerySet | None:
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


@dataclass(frozen=True)
class KindSpec:
    key: str
    queryset: Any
    title_fields: tuple[str, ...]
    language: Any  # current language code -> Q or Exists, or None
    facets: dict[str, str]  # dimension -> values() path
    date_field: str = ""


KINDS: dict[str, KindSpec] = {
    "news": KindSpec(
        "news",
        news_queryset,
        ("title",),
        lambda code: Q(language=code),
        {
            "region": "region",
            "country": "country",
            "tag": "tagged_items__tag",
            "language": "language",
        },
        "published_at",
    ),
    "topic": KindSpec(
        "topic",
        topic_queryset,
        ("title",),
        lambda code: Q(language=code),
        {"forum": "forum", "tag": "tagged_items__tag", "language": "language"},
        "created_at",
    ),
    "post": KindSpec(
        "post",
        post_queryset,
        (),
        lambda code: Q(topic__language=code),
        {"forum": "topic__forum", "language": "topic__language"},
        "created_at",
    ),
    "toolkit": KindSpec(
        "toolkit",
        toolkit_queryset,
        ("title",),
        lambda code: Q(
            Exists(ToolkitLanguage.objects.filter(page=OuterRef("pk"), language=code))
        ),
        {
            "region": "region",
            "country": "country",
            "tag": "tagged_items__tag",
            "language": "toolkit_languages__language",
        },
        "publication_date",
    ),
    "country": KindSpec(
        "country",
        country_queryset,
        ("title",),
        lambda code: Q(locale__language_code=code),
        {"region": "_region_path", "country": "pk"},
    ),
    "expert": KindSpec(
        "expert",
        expert_queryset,
        ("display_name", "username"),
        None,
        {"country": "country", "tag": "tagged_expertise__tag"},
    ),
}


def _title_hits(spec: KindSpec, terms: list[str]):
    """How many of the words appear in the title: title matches come first."""
    if not spec.title_fields or not terms:
        return Value(0, output_field=IntegerField())
    total = None
    for term in terms:
        found = Q()
        for name in spec.title_fields:
            found |= Q(**{f"{name}__icontains": term})
        case = Case(When(found, then=1), default=0, output_field=IntegerField())
        total = case if total is None else total + case
    return total


def _rank_annotations(spec: KindSpec, qs: QuerySet, terms, language) -> QuerySet:
    """`title_hit` and `language_hit`: what orders results before relevance."""
    prefer = spec.language(language) if spec.language and language else None
    return qs.annotate(
        title_hit=_title_hits(spec, terms),
        language_hit=(
            Case(When(prefer, then=1), default=0, output_field=IntegerField())
            if prefer is not None
            else Value(0, output_field=IntegerField())
        ),
    )


def ranked_queryset(spec: KindSpec, matched_base: QuerySet, query, terms, language):
    """The kind's visible, filtered queryset in result order."""
    qs = _rank_annotations(
        spec, match(matched_base, query, ranked=True), terms, language
    )
    return qs.order_by("-title_hit", "-language_hit", "-search_score", "-pk")


# --- facets --------------------------------------------------------------------


def _is_multi_valued(model, path: str) -> bool:
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


def _date_spans(spec: KindSpec) -> dict[str, Any]:
    now = timezone.now()
    spans = {
        "week": now - datetime.timedelta(days=7),
        "month": now - datetime.timedelta(days=31),
        "year": now - datetime.timedelta(days=366),
    }
    if spec.date_field == "publication_date":
        spans = {key: value.date() for key, value in spans.items()}
    return spans


def _facet_counts(
    spec: KindSpec, qs: QuerySet, rows: list[dict], single: list[str]
) -> dict[str, dict]:
    """Items per facet value among `rows` (the kind's results, at most `CAP`):
    single-valued dimensions come with the rows, each multi-valued one as an
    array on PostgreSQL or with one query over the same primary keys."""
    counts: dict[str, dict] = {}
    pks = [row["pk"] for row in rows]
    for dimension, path in spec.facets.items():
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
    if spec.date_field:
        counts["dates"] = {
            key: sum(
                1
                for row in rows
                if row[spec.date_field] is not None and row[spec.date_field] >= since
            )
            for key, since in _date_spans(spec).items()
        }
    return counts


def _label_facets(
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


# --- hits: what a result shows ----------------------------------------------------


def _root(term: str) -> str:
    """What a word's other forms start with, for highlighting: the search
    stems "forests" to "forest", which also finds "forest" and "forestry"."""
    return term[:-1] if len(term) > 4 and term[-1] in "sS" else term


def _pattern(terms: list[str]) -> re.Pattern | None:
    if not terms:
        return None
    alternatives = "|".join(
        re.escape(root)
        for root in sorted({_root(term) for term in terms}, key=len, reverse=True)
    )
    # Whole words that start with a searched word: "mangroves" for "mangrove".
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


def highlight(text: str, terms: list[str], *, snippet: bool = False) -> SafeString:
    """Escape first, then wrap the matched words in <mark>. With `snippet`,
    cut a window of text around the first match."""
    text = " ".join(str(text or "").split())
    pattern = _pattern(terms)
    if snippet and len(text) > SNIPPET_CHARS:
        found = pattern.search(text) if pattern else None
        start = max(0, found.start() - SNIPPET_CHARS // 3) if found else 0
        end = start + SNIPPET_CHARS
        window = text[start:end]
        if start > 0:
            window = "…" + window.split(" ", 1)[-1]
        if end < len(text):
            window = window.rsplit(" ", 1)[0] + "…"
        text = window
    if pattern is None:
        return escape(text)
    pieces = []
    last = 0
    for found in pattern.finditer(text):
        pieces.append(escape(text[last : found.start()]))
        pieces.append(f"<mark>{escape(found.group(0))}</mark>")
        last = found.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece escaped above


def _fetch(kind: str, pks: list, request, terms: list[str]) -> dict[Any, Hit]:
    """The hits for one kind's pks, in a constant number of queries."""
    hits: dict[Any, Hit] = {}
    if not pks:
        return hits
    if kind == "news":
        for page in (
            BlogPostPage.objects.filter(pk__in=pks)
            # The country's name only: joining its page rows costs more.
            .annotate(country_title=F("country__title"))
            .defer("body")  # the whole article is not shown
        ):
            hits[page.pk] = Hit(
                kind,
                highlight(page.title, terms),
                page.get_url(request) or "",
                highlight(page.intro, terms, snippet=True),
                [place_name(page.country_title)] if page.country_title else [],
                page.published_at,
                page.language,
            )
    elif kind == "topic":
        root = forum_root_url()
        for topic in Topic.objects.filter(pk__in=pks).select_related("forum"):
            hits[topic.pk] = Hit(
                kind,
                highlight(topic.title, terms),
                topic.get_absolute_url(root),
                SafeString(""),
                [topic.forum.name],
                topic.created_at,
                topic.language,
            )
    elif kind == "post":
        root = forum_root_url()
        for post in Post.objects.filter(pk__in=pks).select_related(
            "topic__forum", "author"
        ):
            hits[post.pk] = Hit(
                kind,
                highlight(post.topic.title, terms),
                post.topic.url_for_post_number(post.number, root),
                highlight(strip_tags(post.html), terms, snippet=True),
                [post.topic.forum.name, post.author.get_display_name()],
                post.created_at,
                post.topic.language,
            )
    elif kind == "toolkit":
        # The summary is shown, not the description.
        for page in ToolkitPage.objects.filter(pk__in=pks).defer("description"):
            hits[page.pk] = Hit(
                kind,
                highlight(page.title, terms),
                page.get_url(request) or "",
                highlight(page.summary, terms, snippet=True),
                [page.publisher] if page.publisher else [],
                page.publication_date,
            )
    elif kind == "country":
        for page in CountryPage.objects.filter(pk__in=pks):
            hits[page.pk] = Hit(
                kind,
                highlight(page.title, terms),
                page.get_url(request) or "",
                highlight(page.intro, terms, snippet=True),
                [page.iso_code],
            )
    elif kind == "expert":
        for member in User.objects.filter(pk__in=pks).select_related("country"):
            about = " · ".join(
                part
                for part in (member.position, member.organisation, member.bio)
                if part
            )
            hits[member.pk] = Hit(
                kind,
                highlight(member.get_display_name(), terms),
                member.get_absolute_url(),
                highlight(Truncator(about).chars(400), terms, snippet=True),
                [place_name(member.country.title)] if member.country else [],
            )
    return hits


# --- putting it together -------------------------------------------------------------


def _kind_querysets(user, params: SearchParams, kinds) -> dict[str, QuerySet]:
    out = {}
    for key in kinds:
        qs = KINDS[key].queryset(user, params)
        if qs is not None:
            out[key] = qs
    return out


@dataclass
class KindMatches:
    """One kind's visible results: how many (at most `CAP`, `capped` when
    there are more), and for kinds in scope the ranked rows and facet counts."""

    count: int = 0
    capped: bool = False
    ranked: list[tuple] = field(default_factory=list)  # (pk, title, language, score)
    facets: dict[str, dict] = field(default_factory=dict)


def _rank_key(row: tuple) -> tuple:
    return (row[1], row[2], row[3] or 0.0)


def _search_kinds(
    user, params: SearchParams, query, terms, language, scope, needed: int = PER_PAGE
) -> dict[str, KindMatches]:
    """Every kind's matches; rows and facets only for the kinds in `scope`.

    On PostgreSQL the index gives at most `CAP + 1` candidates per kind in one
    query and the visibility querysets run over those primary keys only
    (`search.candidates`); elsewhere the backend matches inside the querysets,
    ranked, and the first `CAP + 1` rows are read. When the candidates were cut
    short and a filter is on, that kind is read newest first among its
    visible, filtered items instead (with its title-matching candidates), so a
    filter never hides matches the bound happened to leave out; without a
    filter, the same happens when visibility removed most of the candidates.
    """
    querysets = _kind_querysets(user, params, KINDS)
    found = candidates(
        querysets, query, {key for key in querysets if KINDS[key].title_fields}
    )
    # Fewer visible candidates than this: the bound cut visible matches short
    # (hidden posts, forums the reader may not open, or for a count a filter
    # removed most of them), so look again newest first among the visible,
    # filtered items.
    enough = max(CAP // 2, min(needed, CAP))
    # A language, forum, tag, country or dates keep a small share of a common
    # word's newest matches; a region keeps a large one (Africa: 54 of 196
    # Parties), so its candidates are read first.
    selective = any(name not in ("kind", "region") for name in params.active_filters)
    out: dict[str, KindMatches] = {}
    for key, qs in querysets.items():
        spec = KINDS[key]
        cand = found[key] if found is not None else None
        if cand is not None and not cand.scores:
            continue
        if key not in scope:
            if cand is None:
                n = match(qs, query, ranked=False)[: CAP + 1].count()
                n, capped = min(n, CAP), n > CAP
            else:
                n, capped = among(qs, cand.scores).count(), cand.truncated
                if capped and n < enough:
                    n = count_newest(qs, query)
                    n, capped = min(n, CAP), n > CAP
            if n:
                out[key] = KindMatches(n, capped)
            continue
        single = [
            path
            for path in dict.fromkeys([*spec.facets.values(), spec.date_field])
            if path and not _is_multi_valued(qs.model, path)
        ]
        if cand is None:
            rows = _kind_rows(spec, qs, query, terms, language, single, None)
            capped = len(rows) > CAP
            rows = rows[:CAP]
        else:
            scores, capped = cand.scores, cand.truncated
            rows = None
            if not (capped and selective):
                rows = _kind_rows(spec, qs, query, terms, language, single, scores)
            if capped and (rows is None or len(rows) < enough):
                # A filter on a word this common (or visibility) removed most
                # candidates: they are the newest matches of every forum,
                # language, country... Read the newest matches of the
                # filtered queryset instead, and keep the candidates with the
                # words in their title, which rank first.
                rows = _newest_with_titles(
                    spec, qs, query, terms, language, single, cand
                )
                capped = len(rows) > CAP
                rows = rows[:CAP]
        if rows:
            out[key] = KindMatches(
                len(rows),
                capped,
                [_as_ranked(row) for row in rows],
                _facet_counts(spec, qs, rows, single),
            )
    return out


# `_kind_rows` reads the newest matches of the visible, filtered queryset.
NEWEST = "newest"


def _kind_rows(spec, qs, query, terms, language, single, scores) -> list[dict]:
    """The kind's visible results best first, with the values the facets
    need, at most `CAP + 1`: among the `scores` candidates, among the newest
    matches (`NEWEST`; on PostgreSQL), or (None) matched inside `qs`."""
    names = list(dict.fromkeys(["pk", "title_hit", "language_hit", *single]))
    postgres = scores is not None
    if scores == NEWEST:
        matched = newest_first(qs, query)
        if matched is None:
            return []
        ranked_qs = _rank_annotations(spec, matched, terms, language)
        names.append("_score")
    elif postgres:
        ranked_qs = _rank_annotations(spec, among(qs, scores), terms, language)
    else:
        ranked_qs = ranked_queryset(spec, qs, query, terms, language)
        names.append("search_score")
    if "_region_path" in names:
        ranked_qs = ranked_qs.annotate(
            _region_path=Substr("path", 1, REGION_PATH_LENGTH)
        )
    values = ranked_qs.values(*names)
    if postgres:
        # PostgreSQL: the multi-valued facets (tags, languages) come with the
        # rows as arrays rather than one more query each.
        from django.contrib.postgres.aggregates import ArrayAgg

        values = values.annotate(
            **{
                f"_all_{dimension}": ArrayAgg(path, distinct=True)
                for dimension, path in spec.facets.items()
                if path not in single
            }
        )
    if not postgres or scores == NEWEST:
        values = values[: CAP + 1]
    unique: dict[Any, dict] = {}
    for row in values:
        unique.setdefault(row["pk"], row)
    rows = list(unique.values())
    if postgres:
        for row in rows:
            row["search_score"] = (
                row.pop("_score") if scores == NEWEST else scores[row["pk"]]
            )
        # Newest first from the database: the one beyond `CAP` is the oldest,
        # and stays last for the caller to drop.
        rows[:CAP] = sorted(
            rows[:CAP],
            key=_row_order,
            reverse=True,
        )
    return rows


def _newest_with_titles(spec, qs, query, terms, language, single, cand) -> list:
    """The filtered queryset's newest `CAP + 1` matches; when there are more,
    with the visible title-matching candidates added, best first. Beyond
    `CAP` rows the caller knows there are more."""
    rows = _kind_rows(spec, qs, query, terms, language, single, NEWEST)
    if len(rows) <= CAP:
        return rows  # every match of the filtered queryset
    # The walk read every filtered match newer than its oldest row: only
    # older title matches can be missing.
    oldest = min(row["pk"] for row in rows)
    titled = {pk: cand.scores[pk] for pk in cand.titled if pk < oldest}
    if not titled:
        return rows
    extra = _kind_rows(spec, qs, query, terms, language, single, titled)
    # The title matches rank first; the newest rows' oldest falls beyond CAP.
    merged = sorted(
        rows[:CAP] + extra,
        key=_row_order,
        reverse=True,
    )
    return merged[:CAP] + [rows[CAP]]


def _as_ranked(row: dict) -> tuple:
    return (row["pk"], row["title_hit"], row["language_hit"], row["search_score"])


def _row_order(row: dict) -> tuple:
    """Best first when sorted in reverse: rank, then newest."""
    return (*_rank_key(_as_ranked(row)), row["pk"])


def _total(user, params: SearchParams, query) -> tuple[int, bool]:
    """How many results `params` would give (its kind's, or every kind's),
    and whether that is a floor."""
    found = _search_kinds(user, params, query, [], "", ())
    if params.kind:
        found = {params.kind: found[params.kind]} if params.kind in found else {}
    return (
        sum(item.count for item in found.values()),
        any(item.capped for item in found.values()),
    )


def run_search(request, params: SearchParams) -> SearchResults:
    results = SearchResults(params=params)
    terms = query_terms(params.q)
    if not terms:
        return results
    user = request.user
    language = (get_language() or "").split("-")[0] if get_language() else ""
    if get_language() == "zh-hans":
        language = "zh-hans"

    kinds = [params.kind] if params.kind else list(KINDS)
    query = build_query(params.q)
    needed = max(1, min(params.page, MAX_PAGES)) * PER_PAGE
    found = _search_kinds(user, params, query, terms, language, kinds, needed)
    if not any(item.count for item in found.values()) and len(terms) > 1:
        # No item has every word: look for items with any of them instead.
        query = build_query(params.q, operator="or")
        found = _search_kinds(user, params, query, terms, language, kinds, needed)
        results.relaxed = any(item.count for item in found.values())

    results.kind_counts = [
        FacetValue(
            key,
            str(label),
            found[key].count,
            selected=params.kind == key,
            query=params.as_query(kind=key),
            capped=found[key].capped,
        )
        for key, label in KIND_CHOICES
        if key in found and found[key].count
    ]
    in_scope = [key for key in kinds if key in found and found[key].count]
    results.total = sum(found[key].count for key in in_scope)
    results.capped = any(found[key].capped for key in in_scope)

    if not results.total or results.relaxed:
        results.spelling = _spelling(user, params)
    if not results.total:
        results.drop_suggestions = _drop_suggestions(user, params, query)
        return results

    # Facets over the results in scope (among the candidates when capped).
    totals: dict[str, dict] = defaultdict(lambda: defaultdict(int))
    for key in in_scope:
        for dimension, values in found[key].facets.items():
            for value, count in values.items():
                totals[dimension][value] += count or 0
    results.facets = _label_facets(
        {key: dict(value) for key, value in totals.items()}, params, user
    )

    # The page: merge each kind's best rows, then load only the rows shown.
    results.num_pages = max(1, min(MAX_PAGES, -(-results.total // PER_PAGE)))
    if params.page > results.num_pages:
        results.notes.append(
            ngettext(
                "There is only %(n)s page of results: showing it.",
                "There are only %(n)s pages of results: showing the last one.",
                results.num_pages,
            )
            % {"n": results.num_pages}
        )
    results.page = min(params.page, results.num_pages)
    needed = results.page * PER_PAGE
    if len(in_scope) == 1:
        start = (results.page - 1) * PER_PAGE
        key = in_scope[0]
        ranked_rows = [
            (key, row) for row in found[key].ranked[start : start + PER_PAGE]
        ]
    else:
        ranked_rows = [
            (key, row) for key in in_scope for row in found[key].ranked[:needed]
        ]
        ranked_rows.sort(key=lambda item: _rank_key(item[1]), reverse=True)
        ranked_rows = ranked_rows[needed - PER_PAGE : needed]
    by_kind: dict[str, list] = defaultdict(list)
    for key, row in ranked_rows:
        by_kind[key].append(row[0])
    loaded = {key: _fetch(key, pks, request, terms) for key, pks in by_kind.items()}
    results.hits = [
        loaded[key][row[0]] for key, row in ranked_rows if row[0] in loaded[key]
    ]
    return results


def _spelling(user, params: SearchParams) -> FacetValue | None:
    """“Did you mean”: the words spelt as in the network's content, when that
    search finds something with the same filters."""
    corrected = spelling.correct(params.q)
    if not corrected:
        return None
    other = SearchParams(**dict(params.__dict__, q=corrected, page=1))
    found, capped = _total(user, other, build_query(corrected))
    if not found:
        return None
    return FacetValue(
        corrected, corrected, found, query=other.as_query(), capped=capped
    )


def _drop_suggestions(user, params: SearchParams, query) -> list[FacetValue]:
    """For an empty page: each active filter, with how many results there
    would be without it."""
    suggestions = []
    for name in params.active_filters:
        looser = params.without(name)
        found, _capped = _total(user, looser, query)
        if found:
            suggestions.append(
                FacetValue(
                    name, str(FILTER_LABELS[name]), found, query=looser.as_query()
                )
            )
    return suggestions


def suggest(request, text: str) -> list[dict[str, str]]:
    """A few titles and addresses of visible items whose title starts like the
    text typed, for the header box."""
    terms = query_terms(text)
    if not terms or len(text) < 2:
        return []
    user = request.user
    params = SearchParams(q=text)
    query = build_query(text)
    sources = {
        "country": CountryPage.objects.live().public(),
        "toolkit": ToolkitPage.objects.published(),
        "news": BlogPostPage.objects.published(),
        "topic": Topic.objects.visible_to(user).select_related("forum"),
        "expert": expert_queryset(user, params),
    }
    # On PostgreSQL the index gives each source's best few first; the
    # visibility querysets then run over those keys only.
    found = autocomplete_candidates(sources, query, SUGGEST_CANDIDATES)
    results = []
    root = None
    for kind, qs in sources.items():
        rows = []
        if found is not None:
            scores = found[kind].scores
            if scores:
                visible = {obj.pk: obj for obj in among(qs, scores)}
                rows = [visible[pk] for pk in scores if pk in visible][:3]
        if found is None or (found[kind].truncated and len(rows) < 3):
            rows = list(match(qs, query, autocomplete=True)[:3])
        for obj in rows:
            if kind == "topic":
                root = root or forum_root_url()
                url = obj.get_absolute_url(root)
                title = obj.title
            elif kind == "expert":
                url = obj.get_absolute_url()
                title = obj.get_display_name()
            else:
                url = obj.get_url(request) or ""
                title = obj.title
            results.append({"title": title, "url": url, "kind": str(KIND_LABELS[kind])})
    return results[:SUGGESTIONS]
