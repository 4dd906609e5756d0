"""The search engines, each behind the same few calls the search makes.

- `PostgresEngine`: this site's PostgreSQL backend (`search.backends.postgres`):
  bounded candidates from the index first, then the visibility querysets over
  their keys only.
- `DatabaseEngine`: Wagtail's other database backends (SQLite FTS5, MySQL,
  the fallback, or Wagtail's plain PostgreSQL backend): the match runs inside
  the visible, filtered queryset; `SQLiteEngine` turns FTS5's bm25 (lower is
  better) into a score where higher is better.
- `ServerEngine`: Elasticsearch/OpenSearch: the server returns its best
  `CANDIDATES` hits per kind and the same querysets then filter them; while
  it cannot be reached, `SearchUnavailable`.

`engine()` picks the one for the configured backend by the backend's class
hierarchy (a subclass of a backend gets its engine too).
"""

import logging

from django.db import connections, router
from django.db.models import Case, F, QuerySet, Value, When
from django.db.models.expressions import RawSQL
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from wagtail.search.backends import get_search_backend

from .backends.postgres import PostgresSearchBackend

logger = logging.getLogger(__name__)

CANDIDATES = 500  # per kind, for engines that cannot search inside a queryset


class SearchUnavailable(Exception):
    """The search engine (Elasticsearch/OpenSearch) could not be reached."""


class Engine:
    """What every engine answers. `candidates` and `autocomplete_candidates`
    return None when the engine has no candidate step: the search then
    matches inside each kind's queryset with `match`."""

    def __init__(self, backend):
        self.backend = backend

    def candidates(self, querysets: dict[str, QuerySet], query, titled=()):
        return None

    def autocomplete_candidates(self, querysets: dict[str, QuerySet], query, limit):
        return None

    def match(
        self, queryset: QuerySet, query, *, ranked: bool = True, autocomplete=False
    ) -> QuerySet:
        """`queryset` narrowed to what matches `query`, annotated with
        `search_score` (higher is better) when `ranked`."""
        raise NotImplementedError


class DatabaseEngine(Engine):
    score_sign = 1  # the backend's score: higher is better

    def match(self, queryset, query, *, ranked=True, autocomplete=False):
        backend = self.backend
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
        return matched.annotate(search_score=F("_score") * self.score_sign)


class SQLiteEngine(DatabaseEngine):
    score_sign = -1  # SQLite's bm25() is negative, lower meaning more relevant


class PostgresEngine(DatabaseEngine):
    """Candidates from the index (`search.backends.postgres`)."""

    def candidates(self, querysets, query, titled=()):
        return self.backend.candidates(querysets, query, titled)

    def autocomplete_candidates(self, querysets, query, limit):
        return self.backend.autocomplete_candidates(querysets, query, limit)

    def count_newest(self, qs: QuerySet, query) -> int:
        return self.backend.count_newest(qs, query)

    def newest_first(self, qs: QuerySet, query) -> QuerySet | None:
        return self.backend.newest_first(qs, query)


class ServerEngine(Engine):
    """Elasticsearch/OpenSearch: the backend ranks, the database filters."""

    def match(self, queryset, query, *, ranked=True, autocomplete=False):
        backend = self.backend
        model = queryset.model
        search = backend.autocomplete if autocomplete else backend.search
        hits = search(query, model.objects.all()).annotate_score("_score")
        try:
            scores = {hit.pk: hit._score or 0.0 for hit in hits[:CANDIDATES]}
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


def _index_vendor() -> str:
    from wagtail.search.models import IndexEntry

    return connections[router.db_for_read(IndexEntry)].vendor


def engine(backend=None) -> Engine:
    """The engine for `backend` (default: the configured one)."""
    backend = backend or get_search_backend()
    vendor = _index_vendor()
    if vendor == "postgresql" and isinstance(backend, PostgresSearchBackend):
        return PostgresEngine(backend)
    if vendor == "sqlite":
        # Its module reads SQLite's full-text tables when imported: only here.
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):
            return SQLiteEngine(backend)
    if isinstance(backend, ElasticsearchBaseSearchBackend):
        return ServerEngine(backend)
    return DatabaseEngine(backend)


def match(queryset: QuerySet, query, *, ranked=True, autocomplete=False) -> QuerySet:
    """`queryset` narrowed to what matches `query` by the configured engine,
    annotated with `search_score` (higher is better) when `ranked`."""
    return engine().match(queryset, query, ranked=ranked, autocomplete=autocomplete)


def among(qs: QuerySet, pks) -> QuerySet:
    """`qs` narrowed to `pks` (integers) with a single array parameter: an IN
    list of hundreds of parameters costs more to build and send than to run."""
    if connections[qs.db].vendor != "postgresql":
        return qs.filter(pk__in=list(pks))
    return qs.filter(pk__in=RawSQL("SELECT unnest(%s::bigint[])", (list(pks),)))
