"""The candidate step (`search.backends.postgres`) reads Wagtail's index
table with its own SQL and calls its backend's query compiler: these tests
fail when an upgrade of Wagtail (or django-modelsearch) changes either under
it, before a search would.

PostgreSQL only, like the candidate step; elsewhere they are skipped."""

import pytest
from django.db import connection
from wagtail.search.backends import get_search_backend

from chm.settings.base import search_backends
from search.backends.postgres import PostgresSearchBackend
from search.engines import PostgresEngine, SQLiteEngine, engine
from search.queries import build_query

from ..factories import make_post

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the candidate step is PostgreSQL's"
)

# Column -> PostgreSQL type, as the candidate step's SQL uses them.
COLUMNS = {
    "content_type_id": "integer",
    "object_id": "character varying",
    "title": "tsvector",
    "body": "tsvector",
    "autocomplete": "tsvector",
    "title_norm": "double precision",
}
# The indexes of migrations 0001-0003 the SQL is written for.
INDEXES = {
    "chm_search_title_body_gin",
    "chm_search_object_order",
    "chm_search_kind_title_body_gin",
}


def test_postgresql_selects_the_backend_with_the_candidate_step():
    assert search_backends({}, "django.db.backends.postgresql") == {
        "default": {"BACKEND": "search.backends.postgres"}
    }
    # An engine address wins over the database.
    environ = {"CHM_SEARCH_URL": "https://search.example.org:9200"}
    assert (
        "elasticsearch"
        in search_backends(environ, "django.db.backends.postgresql")["default"][
            "BACKEND"
        ]
    )


def test_the_engine_follows_the_configured_backend(db):
    found = engine()
    if connection.vendor == "postgresql":
        assert isinstance(get_search_backend(), PostgresSearchBackend)
        assert isinstance(found, PostgresEngine)
    else:
        assert isinstance(found, SQLiteEngine)


@postgres_only
def test_the_index_table_has_the_columns_the_candidate_step_reads(db):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_name = 'wagtailsearch_indexentry'"
        )
        found = dict(cursor.fetchall())
        cursor.execute(
            "SELECT indexname FROM pg_indexes "
            "WHERE tablename = 'wagtailsearch_indexentry'"
        )
        indexes = {row[0] for row in cursor.fetchall()}
        # (content type, object id) is unique: count_newest probes it.
        cursor.execute(
            "SELECT 1 FROM pg_indexes WHERE tablename = 'wagtailsearch_indexentry' "
            "AND indexdef LIKE 'CREATE UNIQUE INDEX%%' "
            "AND indexdef LIKE '%%content_type_id, object_id%%'"
        )
        unique = cursor.fetchone()
    assert {name: found.get(name) for name in COLUMNS} == COLUMNS
    assert INDEXES <= indexes
    assert unique is not None


@postgres_only
def test_the_backend_compiles_the_tsquery_the_candidate_step_reuses(db):
    from forum.models import Post

    backend = get_search_backend()
    tsquery, weights = backend._tsquery(Post, build_query("mangrove"))
    assert tsquery is not None
    assert isinstance(weights, str) and weights.startswith("{")
    tsquery, weights = backend._tsquery(Post, build_query("mang"), autocomplete=True)
    assert tsquery is not None


@postgres_only
def test_the_candidate_step_finds_an_indexed_item(network):
    from blog.models import BlogPostPage

    post = make_post(network.benin, 1, intro="Axolotl habitats")
    post.save_revision().publish()
    backend = get_search_backend()
    querysets = {"news": BlogPostPage.objects.all()}
    found = backend.candidates(querysets, build_query("axolotl"), {"news"})
    assert list(found["news"].scores) == [post.pk]
    start = post.title.split()[0][:4]  # titles are what autocomplete matches
    found = backend.autocomplete_candidates(querysets, build_query(start), 5)
    assert list(found["news"].scores) == [post.pk]
