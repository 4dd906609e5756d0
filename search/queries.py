"""One search across the network, built on Wagtail's search backends.

Everything is indexed; what a member may see is decided here, at query time,
with the querysets each kind's app registers (`search.kinds`), built on the
same QuerySet methods the rest of the site uses (`visible_to`, `published`,
`public`). Forum moderation flips flags with `QuerySet.update()`, which sends
no signal, so filtering the index would go stale; filtering the results
cannot.

Each kind reads at most its best `CAP` (200) visible matches: more than anyone
reads before refining the search, and the bound that keeps a word found in
100k posts as cheap as a rare one. Below it counts and facets are exact;
above it the count is shown as a floor ("200+") and facets are counted among
those matches.

How the words are matched is the engine's (`search.engines`): on PostgreSQL
the candidates come from the index first and the visibility querysets run
over their keys; with SQLite FTS5 the match runs inside the visible, filtered
queryset; with Elasticsearch/OpenSearch the server returns its best hits per
kind and the same querysets then filter them. Ranking is `search.ranking`,
facets `search.facets`, what a result shows `search.highlighting`.
"""

from collections import defaultdict
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.search.query import PlainText

from . import spelling
from .engines import SearchUnavailable, among, engine, match
from .facets import facet_counts, label_facets, single_valued
from .highlighting import highlight, hit
from .kinds import kind_choices, search_kinds, suggested_kinds
from .ranking import as_ranked, ordered, rank_annotations, rank_key, row_order
from .results import (
    CAP,
    MAX_PAGES,
    PER_PAGE,
    FacetValue,
    Hit,
    KindMatches,
    SearchParams,
    SearchResults,
)

__all__ = [
    "CAP",
    "Hit",
    "SearchParams",
    "SearchResults",
    "SearchUnavailable",
    "build_query",
    "highlight",
    "match",
    "run_search",
    "suggest",
]

SUGGESTIONS = 8
SUGGEST_CANDIDATES = 20  # per kind, before visibility (PostgreSQL)
FILTER_LABELS = {
    "kind": _("Kind"),
    "region": _("Region"),
    "country": _("Country"),
    "forum": _("Forum"),
    "tag": _("Tag"),
    "language": _("Language"),
    "dates": _("Date"),
}


# --- the query text ----------------------------------------------------------


def query_terms(text: str) -> list[str]:
    return [term for term in text.split() if term]


def build_query(text: str, operator: str = "and") -> PlainText:
    return PlainText(text, operator=operator)


# --- every kind's matches ----------------------------------------------------------


def _kind_querysets(user, params: SearchParams, kinds) -> dict[str, QuerySet]:
    out = {}
    for key, kind in kinds.items():
        qs = kind.queryset(user, params)
        if qs is not None:
            out[key] = qs
    return out


def _search_kinds(
    user, params: SearchParams, query, terms, language, scope, needed: int = PER_PAGE
) -> dict[str, KindMatches]:
    """Every kind's matches; rows and facets only for the kinds in `scope`.

    On PostgreSQL the index gives at most `CAP + 1` candidates per kind in one
    query and the visibility querysets run over those primary keys only;
    elsewhere the engine matches inside the querysets, ranked, and the first
    `CAP + 1` rows are read. When the candidates were cut short and a filter
    is on, that kind is read newest first among its visible, filtered items
    instead (with its title-matching candidates), so a filter never hides
    matches the bound happened to leave out; without a filter, the same
    happens when visibility removed most of the candidates.
    """
    kinds = search_kinds()
    searcher = engine()
    querysets = _kind_querysets(user, params, kinds)
    found = searcher.candidates(
        querysets, query, {key for key in querysets if kinds[key].title_fields}
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
        kind = kinds[key]
        cand = found[key] if found is not None else None
        if cand is not None and not cand.scores:
            continue
        if key not in scope:
            if cand is None:
                n = searcher.match(qs, query, ranked=False)[: CAP + 1].count()
                n, capped = min(n, CAP), n > CAP
            else:
                n, capped = among(qs, cand.scores).count(), cand.truncated
                if capped and n < enough:
                    n = searcher.count_newest(qs, query)
                    n, capped = min(n, CAP), n > CAP
            if n:
                out[key] = KindMatches(n, capped)
            continue
        single = single_valued(kind, qs.model)
        reader = _Reader(searcher, kind, qs, query, terms, language, single)
        if cand is None:
            rows = reader.rows(None)
            capped = len(rows) > CAP
            rows = rows[:CAP]
        else:
            scores, capped = cand.scores, cand.truncated
            rows = None
            if not (capped and selective):
                rows = reader.rows(scores)
            if capped and (rows is None or len(rows) < enough):
                # A filter on a word this common (or visibility) removed most
                # candidates: they are the newest matches of every forum,
                # language, country... Read the newest matches of the
                # filtered queryset instead, and keep the candidates with the
                # words in their title, which rank first.
                rows = reader.newest_with_titles(cand)
                capped = len(rows) > CAP
                rows = rows[:CAP]
        if rows:
            out[key] = KindMatches(
                len(rows),
                capped,
                [as_ranked(row) for row in rows],
                facet_counts(kind, qs, rows, single),
            )
    return out


# `_Reader.rows` reads the newest matches of the visible, filtered queryset.
NEWEST = "newest"


class _Reader:
    """One kind's result rows: the values ranking and facets need."""

    def __init__(self, searcher, kind, qs, query, terms, language, single):
        self.searcher, self.kind, self.qs = searcher, kind, qs
        self.query, self.terms, self.language = query, terms, language
        self.single = single

    def rows(self, scores) -> list[dict]:
        """The kind's visible results best first, with the values the facets
        need, at most `CAP + 1`: among the `scores` candidates, among the
        newest matches (`NEWEST`; on PostgreSQL), or (None) matched inside
        the queryset."""
        kind, qs, terms, language = self.kind, self.qs, self.terms, self.language
        names = list(dict.fromkeys(["pk", "title_hit", "language_hit", *self.single]))
        candidates = scores is not None
        if scores == NEWEST:
            matched = self.searcher.newest_first(qs, self.query)
            if matched is None:
                return []
            ranked_qs = rank_annotations(kind, matched, terms, language)
            names.append("_score")
        elif candidates:
            ranked_qs = rank_annotations(kind, among(qs, scores), terms, language)
        else:
            matched = self.searcher.match(qs, self.query, ranked=True)
            ranked_qs = ordered(rank_annotations(kind, matched, terms, language))
            names.append("search_score")
        extra = {
            name: kind.annotations[name] for name in names if name in kind.annotations
        }
        if extra:
            ranked_qs = ranked_qs.annotate(**extra)
        values = ranked_qs.values(*names)
        if candidates:
            # PostgreSQL: the multi-valued facets (tags, languages) come with
            # the rows as arrays rather than one more query each.
            from django.contrib.postgres.aggregates import ArrayAgg

            values = values.annotate(
                **{
                    f"_all_{dimension}": ArrayAgg(path, distinct=True)
                    for dimension, path in kind.facets.items()
                    if path not in self.single
                }
            )
        if not candidates or scores == NEWEST:
            values = values[: CAP + 1]
        unique: dict[Any, dict] = {}
        for row in values:
            unique.setdefault(row["pk"], row)
        rows = list(unique.values())
        if candidates:
            for row in rows:
                row["search_score"] = (
                    row.pop("_score") if scores == NEWEST else scores[row["pk"]]
                )
            # Newest first from the database: the one beyond `CAP` is the
            # oldest, and stays last for the caller to drop.
            rows[:CAP] = sorted(rows[:CAP], key=row_order, reverse=True)
        return rows

    def newest_with_titles(self, cand) -> list[dict]:
        """The filtered queryset's newest `CAP + 1` matches; when there are
        more, with the visible title-matching candidates added, best first.
        Beyond `CAP` rows the caller knows there are more."""
        rows = self.rows(NEWEST)
        if len(rows) <= CAP:
            return rows  # every match of the filtered queryset
        # The walk read every filtered match newer than its oldest row: only
        # older title matches can be missing.
        oldest = min(row["pk"] for row in rows)
        titled = {pk: cand.scores[pk] for pk in cand.titled if pk < oldest}
        if not titled:
            return rows
        extra = self.rows(titled)
        # The title matches rank first; the newest rows' oldest falls beyond CAP.
        merged = sorted(rows[:CAP] + extra, key=row_order, reverse=True)
        return merged[:CAP] + [rows[CAP]]


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


# --- the page ---------------------------------------------------------------------


def _hits(ranked_rows, request, terms) -> list[Hit]:
    """The hits shown, in `ranked_rows` order: each kind's items loaded by its
    own `fetch`, in a constant number of queries per kind."""
    kinds = search_kinds()
    by_kind: dict[str, list] = defaultdict(list)
    for key, row in ranked_rows:
        by_kind[key].append(row[0])
    loaded = {
        key: {
            pk: hit(kinds[key], item, terms)
            for pk, item in kinds[key].fetch(pks, request).items()
        }
        for key, pks in by_kind.items()
    }
    return [loaded[key][row[0]] for key, row in ranked_rows if row[0] in loaded[key]]


def run_search(request, params: SearchParams) -> SearchResults:
    results = SearchResults(params=params)
    terms = query_terms(params.q)
    if not terms:
        return results
    user = request.user
    language = (get_language() or "").split("-")[0] if get_language() else ""
    if get_language() == "zh-hans":
        language = "zh-hans"

    kinds = [params.kind] if params.kind else list(search_kinds())
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
        for key, label in kind_choices()
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
    results.facets = label_facets(
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
        ranked_rows.sort(key=lambda item: rank_key(item[1]), reverse=True)
        ranked_rows = ranked_rows[needed - PER_PAGE : needed]
    results.hits = _hits(ranked_rows, request, terms)
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
    query = build_query(text)
    kinds = {kind.key: kind for kind in suggested_kinds()}
    sources = {key: kind.suggest(user) for key, kind in kinds.items()}
    searcher = engine()
    # On PostgreSQL the index gives each source's best few first; the
    # visibility querysets then run over those keys only.
    found = searcher.autocomplete_candidates(sources, query, SUGGEST_CANDIDATES)
    results = []
    for key, qs in sources.items():
        rows = []
        if found is not None:
            scores = found[key].scores
            if scores:
                visible = {obj.pk: obj for obj in among(qs, scores)}
                rows = [visible[pk] for pk in scores if pk in visible][:3]
        if found is None or (found[key].truncated and len(rows) < 3):
            rows = list(searcher.match(qs, query, autocomplete=True)[:3])
        if not rows:
            continue
        label = str(kinds[key].label)
        results += [
            {"title": title, "url": url, "kind": label}
            for title, url in kinds[key].suggest_links(rows, request)
        ]
    return results[:SUGGESTIONS]
