"""Wagtail's PostgreSQL search backend with a bounded candidate step: at most
`CAP` matching items per kind, found through the index alone.

Selected in `WAGTAILSEARCH_BACKENDS` (chm/settings/base.py) when the
database is PostgreSQL. It indexes, searches and ranks exactly as Wagtail's
backend does (same table, same tsquery, same rank) and adds the methods
`search.engines.PostgresEngine` calls.

Wagtail's PostgreSQL backend matches inside a model's queryset by joining every
row to its index entry on `object_id = id::varchar`. That join cannot use the
full-text index from the model's side, so a common word costs a scan and a
ranking of every match (1.5 s for 100k forum posts). Here the GIN index on
`title || body` (migration 0001) and the one on `title` find matching entries
first, in one bounded query for all kinds (plus one, newest first through the
object-order index of migration 0002, for kinds where the word is that
common); visibility, filters and ranking then run on at most `CAP + 1` primary
keys per kind.

A word in more than `CAP` items of a kind has more matches than anyone reads
(20 pages of one kind): the page says "200+" instead of an exact count, and
facets count among the candidates. Items whose title has the words are taken
first, so the best results are among the candidates.

What this relies on in Wagtail's backend, hence a subclass of it (and
tests/search/test_search_index_table.py, which fails when they change): its
query compilers' `build_tsquery`, `get_config` and `sql_weights`, and the
columns of `wagtailsearch_indexentry` the raw SQL reads (`content_type_id`
integer, `object_id` text, `title`, `body` and `autocomplete` tsvectors,
`title_norm` float).
"""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.search import SearchRank, SearchVectorField
from django.db import connections, router
from django.db.models import (
    CharField,
    Exists,
    F,
    FloatField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Cast
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.search.backends.database.postgres.postgres import (
    PostgresSearchBackend as WagtailPostgresSearchBackend,
)
from wagtail.search.models import IndexEntry

from ..results import CAP

COLUMNS = ("_kind", "_branch", "object_id", "_score")


@dataclass
class Candidates:
    """One kind's matching primary keys with their relevance (higher is
    better), title matches first; `truncated` when more items match."""

    scores: dict[Any, float] = field(default_factory=dict)
    truncated: bool = False
    titled: set = field(default_factory=set)  # those with the words in their title


@dataclass(frozen=True)
class _Part:
    """One branch of one kind: its title matches (branch 0) or all (1)."""

    kind: int
    branch: int
    content_types: tuple[int, ...]
    walkable: bool  # one content type and integer keys: the order index applies


class _Match:
    """The tsquery, its match conditions and the backend's rank, as SQL over
    an index entry row aliased `wagtailsearch_indexentry`."""

    def __init__(self, index_entry, using: str, tsquery, weights):
        from django.db.models.sql import Query

        query = Query(index_entry)
        compiler = query.get_compiler(using=using)
        self.tsquery = compiler.compile(tsquery.resolve_expression(query))
        score = SearchRank(F("title"), tsquery, weights=weights) * F(
            "title_norm"
        ) + SearchRank(F("body"), tsquery, weights=weights)
        self.score = compiler.compile(score.resolve_expression(query))

    def condition(self, branch: int, alias: str) -> tuple[str, list]:
        sql, params = self.tsquery
        if branch == 0:
            return f"{alias}.title @@ ({sql})", list(params)
        return f"({alias}.title || {alias}.body) @@ ({sql})", list(params)


NUMERIC = "{alias}.object_id ~ '^[0-9]{{1,18}}$'"


# A kind's newest entries first looked at: a word in more than `CAP` of them
# is common enough to take the newest matches straight away.
RECENT_WINDOW = 5 * CAP


def _lateral(
    using: str, match: _Match, parts, window: int | None = None
) -> tuple[list[tuple], set[int]]:
    """Each part's newest `CAP + 1` matches, walking the object-order index
    backwards, and the kinds whose every entry was looked at.

    With `window`, only among a kind's `window` highest keys, so the walk is
    short whatever the word; a kind whose keys all fall in the window was
    read whole. One statement, planned once for every part (a lateral join
    over the list of parts). Like `_gin_only`, it is built from compiled
    expressions, constants and placeholders only; every value is a parameter.
    """
    values, params = [], []
    for part in parts:
        values.append("(%s, %s, %s)")
        params += [part.kind, part.branch, part.content_types[0]]
    title, title_params = match.condition(0, "i")
    anywhere, anywhere_params = match.condition(1, "i")
    score, score_params = match.score

    def edge(direction: str) -> str:
        return (
            "(SELECT j.object_id::bigint FROM wagtailsearch_indexentry j "  # noqa: S608
            f"WHERE j.content_type_id = k.ct AND {NUMERIC.format(alias='j')} "
            f"ORDER BY j.object_id::bigint {direction} LIMIT 1)"
        )

    if window is None:
        bounds, bound, complete = "", "", "false"
        bound_params = []
    else:
        bounds = (
            f"CROSS JOIN LATERAL (SELECT {edge('DESC')} AS hi, "
            f"{edge('ASC')} AS lo OFFSET 0) AS b "
        )
        bound = "AND i.object_id::bigint > b.hi - %s"
        complete = "coalesce(b.lo > b.hi - %s, true)"
        bound_params = [window]
    sql = (
        f"SELECT k.kind, k.branch, wagtailsearch_indexentry.object_id, {score}, "  # noqa: S608
        f"{complete} FROM (VALUES {', '.join(values)}) AS k(kind, branch, ct) "
        f"{bounds}LEFT JOIN LATERAL (SELECT i.object_id, i.title, i.body, "
        "i.title_norm FROM wagtailsearch_indexentry i WHERE i.content_type_id = k.ct "
        f"AND {NUMERIC.format(alias='i')} {bound} "
        f"AND CASE WHEN k.branch = 0 THEN {title} ELSE {anywhere} END "
        "ORDER BY i.object_id::bigint DESC LIMIT %s) AS wagtailsearch_indexentry "
        "ON true"
    )
    all_params = [
        *score_params,
        *bound_params,
        *params,
        *bound_params,
        *title_params,
        *anywhere_params,
        CAP + 1,
    ]
    with connections[using].cursor() as cursor:
        cursor.execute(sql, all_params)
        found = cursor.fetchall()
    rows = [row[:4] for row in found if row[2] is not None]
    return rows, {row[0] for row in found if row[4]}


def _gin_only(using: str, match: _Match, parts) -> list[tuple]:
    """Each part's matches (at most `CAP + 1`; title matches newest first)
    through the GIN indexes, planned without plain index or sequential scans
    for this statement only (bitmap scans of the GIN indexes remain)."""
    from django.db import transaction

    score, score_params = match.score
    selects, params = [], []
    # One branch per part, each planned with its own content types: the
    # planner then knows how many entries a kind has (a lateral join would
    # plan one generic scan for all). The content type is named as an integer
    # so that the index on kind and words together (migration 0003) serves it.
    table = "wagtailsearch_indexentry"
    for part in parts:
        condition, condition_params = match.condition(part.branch, table)
        order = (
            f"ORDER BY CASE WHEN {NUMERIC.format(alias=table)} "
            f"THEN {table}.object_id::bigint END DESC NULLS LAST "
            if part.branch == 0
            else ""
        )
        selects.append(
            f"(SELECT %s, %s, {table}.object_id, {score} FROM {table} "  # noqa: S608
            f"WHERE {table}.content_type_id::integer = ANY(%s::integer[]) "
            f"AND {condition} "
            f"{order}LIMIT %s)"
        )
        params += [
            part.kind,
            part.branch,
            *score_params,
            list(part.content_types),
            *condition_params,
            CAP + 1,
        ]
    connection = connections[using]
    outermost = not connection.in_atomic_block
    with transaction.atomic(using=using), connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('enable_indexscan', 'off', true), "
            "set_config('enable_seqscan', 'off', true)"
        )
        try:
            cursor.execute(" UNION ALL ".join(selects), params)
            return cursor.fetchall()
        finally:
            # Settings made local to a transaction end with it; inside an
            # enclosing one they are put back by hand.
            if not outermost:
                cursor.execute(
                    "SELECT set_config(name, reset_val, true) FROM pg_settings "
                    "WHERE name IN ('enable_indexscan', 'enable_seqscan')"
                )


INTEGER_KEYS = {"AutoField", "BigAutoField", "IntegerField", "BigIntegerField"}


class PostgresSearchBackend(WagtailPostgresSearchBackend):
    """Wagtail's PostgreSQL backend, plus the candidate step."""

    def _tsquery(self, model, query, autocomplete: bool = False):
        """The very tsquery and rank weights the backend itself would use for
        `query` on `model`; the tsquery is None when the query has no words."""
        compiler_class = (
            self.autocomplete_query_compiler_class
            if autocomplete
            else self.query_compiler_class
        )
        compiler = compiler_class(
            model.objects.none(), query, order_by_relevance=autocomplete
        )
        tsquery = compiler.build_tsquery(query, config=compiler.get_config(self))
        return tsquery, compiler.sql_weights

    def candidates(
        self, querysets: dict[str, QuerySet], query, titled=()
    ) -> dict[str, Candidates]:
        """Per kind, the items matching `query` in the index (not yet filtered
        by visibility); for the kinds in `titled`, those with the words in
        their title first."""
        if not querysets:
            return {}
        keys = list(querysets)
        tsquery, weights = self._tsquery(querysets[keys[0]].model, query)
        if tsquery is None:
            return {key: Candidates() for key in keys}
        using = router.db_for_read(IndexEntry)
        match = _Match(IndexEntry, using, tsquery, weights)
        parts = []
        for n, (key, qs) in enumerate(querysets.items()):
            types = tuple(get_descendants_content_types_pks(qs.model))
            pk = qs.model._meta.pk
            pk = pk.target_field if pk.is_relation else pk
            walkable = len(types) == 1 and pk.get_internal_type() in INTEGER_KEYS
            for branch in (0, 1) if key in titled else (1,):
                parts.append(_Part(n, branch, types, walkable))

        # Most searches are for a word either found everywhere or hardly
        # anywhere. First, each kind's newest entries only (a bounded walk
        # backwards through the object-order index): a word found `CAP + 1`
        # times there fills that branch with its newest matches at once,
        # without reading every match. A kind with all its entries in that
        # window was read whole.
        rows, filled = [], set()
        walk = [part for part in parts if part.walkable]
        if walk:
            found, whole = _lateral(using, match, walk, window=RECENT_WINDOW)
            counts = defaultdict(int)
            for row in found:
                counts[row[:2]] += 1
            filled = {part for part, count in counts.items() if count > CAP}
            filled |= {(part.kind, part.branch) for part in walk if part.kind in whole}
            rows = [row for row in found if row[:2] in filled]
        # The rest through the GIN indexes only: the planner's guess of how
        # common a word is cannot tell kinds apart (a word in every post but
        # no news), and walking a kind's entries in order looking for a word
        # it hardly has costs a scan.
        rest = [part for part in parts if (part.kind, part.branch) not in filled]
        if rest:
            rows += _gin_only(using, match, rest)
        counted = dict.fromkeys(range(len(keys)), 0)
        for kind, branch, _object_id, _score in rows:
            counted[kind] += branch
        common = {kind for kind, count in counted.items() if count > CAP}
        # A kind found more than `CAP` times through the GIN index is read
        # again newest first, which for a word that common stops early.
        again = [
            part
            for part in parts
            if part.branch == 1
            and part.kind in common
            and part.walkable
            and (part.kind, 1) not in filled
        ]
        if again:
            redo = {part.kind for part in again}
            rows = [row for row in rows if row[1] == 0 or row[0] not in redo]
            rows += _lateral(using, match, again)[0]
        out = {key: Candidates() for key in keys}
        to_python = [qs.model._meta.pk.to_python for qs in querysets.values()]
        for kind, branch, object_id, score in sorted(rows, key=lambda row: row[:2]):
            found = out[keys[kind]]
            pk = to_python[kind](object_id)
            if pk in found.scores:
                continue
            if len(found.scores) >= CAP:
                found.truncated = True
                continue
            found.scores[pk] = float(score or 0.0)
            if branch == 0:
                found.titled.add(pk)
        for kind in common:
            out[keys[kind]].truncated = True
        return out

    def autocomplete_candidates(
        self, querysets: dict[str, QuerySet], query, limit: int
    ) -> dict[str, Candidates]:
        """Per kind, the `limit` best items whose autocomplete words start
        like `query`, ranked as the backend ranks them, in one query (the GIN
        index on `autocomplete` finds them)."""
        branches = []
        for n, qs in enumerate(querysets.values()):
            tsquery, weights = self._tsquery(qs.model, query, autocomplete=True)
            if tsquery is None:
                return {key: Candidates() for key in querysets}
            branches.append(
                IndexEntry._default_manager.filter(
                    content_type_id__in=get_descendants_content_types_pks(qs.model),
                    autocomplete=tsquery,
                )
                .annotate(
                    _kind=Value(n),
                    _score=SearchRank(F("autocomplete"), tsquery, weights=weights),
                )
                .order_by("-_score")
                .values_list("_kind", "object_id", "_score")[: limit + 1]
            )
        if not branches:
            return {}
        keys = list(querysets)
        ranked: dict[str, list] = {key: [] for key in keys}
        for kind, object_id, score in branches[0].union(*branches[1:], all=True):
            pk = querysets[keys[kind]].model._meta.pk.to_python(object_id)
            ranked[keys[kind]].append((float(score or 0.0), pk))
        out = {}
        for key, rows in ranked.items():
            rows.sort(reverse=True)  # the backend's order: rank, then newest
            out[key] = Candidates(
                {pk: score for score, pk in rows[:limit]}, len(rows) > limit
            )
        return out

    def _matching_entry(self, qs: QuerySet, query):
        """The index entry of `qs`'s item (`OuterRef("pk")`) when it matches
        `query`, and the backend's rank of it; None when the query has no
        words."""
        tsquery, weights = self._tsquery(qs.model, query)
        if tsquery is None:
            return None
        entry = (
            IndexEntry._default_manager.filter(
                content_type_id__in=get_descendants_content_types_pks(qs.model),
                object_id=Cast(OuterRef("pk"), CharField()),
            )
            .annotate(
                _vector=CombinedExpression(
                    F("title"), "||", F("body"), output_field=SearchVectorField()
                )
            )
            .filter(_vector=tsquery)
        )
        score = SearchRank(F("title"), tsquery, weights=weights) * F(
            "title_norm"
        ) + SearchRank(F("body"), tsquery, weights=weights)
        return entry, score

    def count_newest(self, qs: QuerySet, query) -> int:
        """How many items of the visible, filtered `qs` match, at most
        `CAP + 1`.

        For a common word with a filter (a forum, a language) most candidates
        of `candidates()` are filtered away; here PostgreSQL walks `qs` newest
        first and probes each item's index entry through its unique
        (content type, object id) index, stopping at the `CAP + 1`-th match."""
        found = self._matching_entry(qs, query)
        if found is None:
            return 0
        return qs.filter(Exists(found[0]))[: CAP + 1].count()

    def newest_first(self, qs: QuerySet, query) -> QuerySet | None:
        """The visible, filtered `qs` narrowed to the items that match, newest
        first, each with the backend's rank as `_score` (walked like
        `count_newest`; slice it to stop early). None when the query has no
        words."""
        found = self._matching_entry(qs, query)
        if found is None:
            return None
        entry, score = found
        return (
            qs.annotate(
                _score=Subquery(
                    entry.annotate(_rank=score).values("_rank")[:1],
                    output_field=FloatField(),
                )
            )
            .filter(_score__isnull=False)
            .order_by("-pk")
        )


SearchBackend = PostgresSearchBackend
