"""The bounded candidate set of a search on PostgreSQL: at most `CAP` matching
items per kind, found through the index alone.

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

Only for Wagtail's PostgreSQL database backend; `candidates()` returns None
elsewhere and `search.queries` matches inside the querysets as before (SQLite
FTS5, Elasticsearch/OpenSearch).
"""

from dataclasses import dataclass, field
from typing import Any

from django.db import connections, router
from django.db.models import (
    BigIntegerField,
    CharField,
    Exists,
    F,
    FloatField,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.expressions import CombinedExpression, RawSQL
from django.db.models.functions import Cast
from wagtail.search.backends import get_search_backend

# Per kind: the best 200 of a kind are 20 pages of 10, more than anyone reads
# before refining the search; the bound keeps a word found in 100k posts as
# cheap as a rare one.
CAP = 200


@dataclass
class Candidates:
    """One kind's matching primary keys with their relevance (higher is
    better), title matches first; `truncated` when more items match."""

    scores: dict[Any, float] = field(default_factory=dict)
    truncated: bool = False


def _postgres_backend():
    backend = get_search_backend()
    if type(backend).__name__ != "PostgresSearchBackend":
        return None
    from wagtail.search.models import IndexEntry

    if connections[router.db_for_read(IndexEntry)].vendor != "postgresql":
        return None
    return backend


def candidates(
    querysets: dict[str, QuerySet], query, titled=()
) -> dict[str, Candidates] | None:
    """Per kind, the items matching `query` in the index (not yet filtered by
    visibility), in one query; for the kinds in `titled`, those with the words
    in their title first. None when the backend is not PostgreSQL's."""
    backend = _postgres_backend()
    if backend is None:
        return None
    from django.contrib.postgres.search import SearchRank, SearchVectorField
    from wagtail.search.models import IndexEntry

    first, newest = [], {}
    for n, (key, qs) in enumerate(querysets.items()):
        compiler = backend.query_compiler_class(
            qs.model.objects.none(), query, order_by_relevance=False
        )
        # The very tsquery and rank the backend itself would use.
        tsquery = compiler.build_tsquery(query, config=compiler.get_config(backend))
        if tsquery is None:
            return {key: Candidates() for key in querysets}
        score = SearchRank(F("title"), tsquery, weights=compiler.sql_weights) * F(
            "title_norm"
        ) + SearchRank(F("body"), tsquery, weights=compiler.sql_weights)
        columns = ("_kind", "_branch", "object_id", "_score")

        def anywhere(entries, n=n, tsquery=tsquery, score=score, columns=columns):
            return (
                entries.annotate(
                    _vector=CombinedExpression(
                        F("title"), "||", F("body"), output_field=SearchVectorField()
                    )
                )
                .filter(_vector=tsquery)
                .annotate(_kind=Value(n), _branch=Value(1), _score=score)
                .values_list(*columns)[: CAP + 1]
            )

        if key in titled:
            first.append(
                _entries_newest_first(IndexEntry, qs.model)
                .filter(title=tsquery)
                .annotate(_kind=Value(n), _branch=Value(0), _score=score)
                .values_list(*columns)[: CAP + 1]
            )
        first.append(anywhere(_entries(IndexEntry, qs.model)))
        newest[key] = anywhere(_entries_newest_first(IndexEntry, qs.model))
    if not first:
        return {}
    # First through the GIN indexes only: the planner's guess of how common a
    # word is cannot tell kinds apart (a word in every post but no news), and
    # walking a kind's entries in order looking for a word it hardly has costs
    # a scan. A kind found with more than `CAP` matches is then read again
    # newest first, which for a word that common stops early.
    rows = _gin_only(first)
    keys = list(querysets)
    counted = dict.fromkeys(keys, 0)
    for kind, branch, _object_id, _score in rows:
        counted[keys[kind]] += branch
    common = [key for key in keys if counted[key] > CAP]
    if common:
        rows = [row for row in rows if row[1] == 0 or keys[row[0]] not in common]
        again = [newest[key] for key in common]
        rows += list(again[0].union(*again[1:], all=True))
    out = {key: Candidates() for key in keys}
    to_python = {key: qs.model._meta.pk.to_python for key, qs in querysets.items()}
    for kind, _branch, object_id, score in sorted(rows, key=lambda row: row[:2]):
        key = keys[kind]
        found = out[key]
        pk = to_python[key](object_id)
        if pk in found.scores:
            continue
        if len(found.scores) >= CAP:
            found.truncated = True
            continue
        found.scores[pk] = float(score or 0.0)
    for key in common:
        out[key].truncated = True
    return out


def _gin_only(branches: list[QuerySet]) -> list[tuple]:
    """The union of `branches`, planned without plain index or sequential
    scans for this statement only (bitmap scans of the GIN indexes remain)."""
    from django.db import transaction

    union = branches[0].union(*branches[1:], all=True)
    connection = connections[union.db]
    with transaction.atomic(using=union.db), connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('enable_indexscan', 'off', true), "
            "set_config('enable_seqscan', 'off', true)"
        )
        try:
            return list(union)
        finally:
            cursor.execute(
                "SELECT set_config(name, reset_val, true) FROM pg_settings "
                "WHERE name IN ('enable_indexscan', 'enable_seqscan')"
            )


def _entries(index_entry, model) -> QuerySet:
    from modelsearch.utils import get_descendants_content_types_pks

    types = get_descendants_content_types_pks(model)
    if len(types) == 1:
        return index_entry._default_manager.filter(content_type_id=types[0])
    return index_entry._default_manager.filter(content_type_id__in=types)


INTEGER_KEYS = {"AutoField", "BigAutoField", "IntegerField", "BigIntegerField"}


def _entries_newest_first(index_entry, model) -> QuerySet:
    """The model's index entries, highest primary key first when keys are
    integers: equal ranks show newest first, as the backend orders them, and a
    word found everywhere stops at the first `CAP + 1` entries of the
    `chm_search_object_order` index (migration 0002), whose predicate the
    filter repeats."""
    entries = _entries(index_entry, model)
    pk = model._meta.pk
    key = pk.target_field if pk.is_relation else pk
    if key.get_internal_type() not in INTEGER_KEYS:
        return entries
    return (
        entries.filter(object_id__regex=r"^[0-9]{1,18}$")
        .annotate(_object_pk=Cast("object_id", BigIntegerField()))
        .order_by("-_object_pk")
    )


def autocomplete_candidates(
    querysets: dict[str, QuerySet], query, limit: int
) -> dict[str, Candidates] | None:
    """Per kind, the `limit` best items whose autocomplete words start like
    `query`, ranked as the backend ranks them, in one query (the GIN index on
    `autocomplete` finds them). None when the backend is not PostgreSQL's."""
    backend = _postgres_backend()
    if backend is None:
        return None
    from django.contrib.postgres.search import SearchRank
    from modelsearch.utils import get_descendants_content_types_pks
    from wagtail.search.models import IndexEntry

    branches = []
    for n, qs in enumerate(querysets.values()):
        compiler = backend.autocomplete_query_compiler_class(
            qs.model.objects.none(), query, order_by_relevance=True
        )
        tsquery = compiler.build_tsquery(query, config=compiler.get_config(backend))
        if tsquery is None:
            return {key: Candidates() for key in querysets}
        branches.append(
            IndexEntry._default_manager.filter(
                content_type_id__in=get_descendants_content_types_pks(qs.model),
                autocomplete=tsquery,
            )
            .annotate(
                _kind=Value(n),
                _score=SearchRank(
                    F("autocomplete"), tsquery, weights=compiler.sql_weights
                ),
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


def newest_matches(qs: QuerySet, query, *, count_only: bool = False):
    """The newest `CAP + 1` items of the visible, filtered `qs` that match,
    each with the backend's rank; with `count_only`, how many (at most
    `CAP + 1`).

    For a common word with a filter (a forum, a language) most candidates of
    `candidates()` are filtered away; here PostgreSQL walks `qs` newest first
    and probes each item's index entry through its unique
    (content type, object id) index, stopping at the `CAP + 1`-th match."""
    backend = _postgres_backend()
    from django.contrib.postgres.search import SearchRank, SearchVectorField
    from modelsearch.utils import get_descendants_content_types_pks
    from wagtail.search.models import IndexEntry

    compiler = backend.query_compiler_class(
        qs.model.objects.none(), query, order_by_relevance=False
    )
    tsquery = compiler.build_tsquery(query, config=compiler.get_config(backend))
    if tsquery is None:
        return 0 if count_only else Candidates()
    weights = compiler.sql_weights
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
    if count_only:
        return qs.filter(Exists(entry))[: CAP + 1].count()
    score = SearchRank(F("title"), tsquery, weights=weights) * F(
        "title_norm"
    ) + SearchRank(F("body"), tsquery, weights=weights)
    rows = list(
        qs.annotate(
            _score=Subquery(
                entry.annotate(_rank=score).values("_rank")[:1],
                output_field=FloatField(),
            )
        )
        .filter(_score__isnull=False)
        .order_by("-pk")
        .values_list("pk", "_score")[: CAP + 1]
    )
    return Candidates(
        {pk: float(score or 0.0) for pk, score in rows[:CAP]}, len(rows) > CAP
    )


def among(qs: QuerySet, pks) -> QuerySet:
    """`qs` narrowed to `pks` (integers) with a single array parameter: an IN
    list of hundreds of parameters costs more to build and send than to run."""
    if connections[qs.db].vendor != "postgresql":
        return qs.filter(pk__in=list(pks))
    return qs.filter(pk__in=RawSQL("SELECT unnest(%s::bigint[])", (list(pks),)))
