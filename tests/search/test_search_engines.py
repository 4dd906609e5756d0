"""Elasticsearch or OpenSearch by settings alone: the environment picks the
engine, every indexed model maps and every kind's query compiles for it, and
while the engine is down the search page says so (503) and writing goes on.

No engine runs here; "down" is a real refused connection on loopback."""

import pytest
from django.contrib.auth.models import AnonymousUser
from modelsearch.index import get_indexed_models
from wagtail.search.backends import get_search_backend

from blog.models import BlogPostPage
from chm.settings.base import search_backends
from search.kinds import search_kinds
from search.queries import SearchParams, build_query

from ..factories import make_post

# The discard port: nothing listens on loopback, so connecting fails at once.
ENGINE_DOWN = "http://127.0.0.1:9"


def test_the_database_backend_is_the_default():
    assert search_backends({}) == {
        "default": {"BACKEND": "wagtail.search.backends.database"}
    }


@pytest.mark.parametrize(
    "backend, expected",
    [
        ("", "Elasticsearch9SearchBackend"),
        ("wagtail.search.backends.elasticsearch8", "Elasticsearch8SearchBackend"),
    ],
)
def test_an_engine_address_switches_the_backend(settings, backend, expected):
    environ = {"CHM_SEARCH_URL": "https://search.example.org:9200"}
    if backend:
        environ["CHM_SEARCH_BACKEND"] = backend
    settings.WAGTAILSEARCH_BACKENDS = search_backends(environ)
    engine = get_search_backend()
    assert type(engine).__name__ == expected
    assert engine.index_prefix == "chm_"
    assert engine.get_index_for_model(BlogPostPage).name == "chm_wagtailcore_page"


def test_every_model_maps_and_every_kind_compiles_for_the_engine(settings, db):
    settings.WAGTAILSEARCH_BACKENDS = search_backends({"CHM_SEARCH_URL": ENGINE_DOWN})
    engine = get_search_backend()
    for model in get_indexed_models():
        mapping = engine.mapping_class(model).get_mapping()
        assert mapping["properties"], model
    query = build_query("mangrove restoration")
    for key, spec in search_kinds().items():
        model = spec.queryset(AnonymousUser(), SearchParams()).model
        for compiler in (
            engine.query_compiler_class,
            engine.autocomplete_query_compiler_class,
        ):
            body = compiler(model.objects.all(), query).get_query()
            assert "mangrove" in str(body), key


@pytest.fixture
def engine_down(settings):
    settings.WAGTAILSEARCH_BACKENDS = search_backends(
        {"CHM_SEARCH_URL": ENGINE_DOWN, "CHM_SEARCH_TIMEOUT": "1"}
    )


def test_while_the_engine_is_down_search_says_so_and_writing_goes_on(
    client, network, engine_down
):
    # Indexing fails and is logged; the news item is stored all the same.
    post = make_post(network.benin, 1, intro="Mangrove nurseries")
    post.save_revision().publish()
    assert BlogPostPage.objects.live().filter(pk=post.pk).exists()

    response = client.get("/search/?q=mangrove")
    assert response.status_code == 503
    page = response.content.decode()
    assert "Search is unavailable just now" in page
    assert "Nothing matched" not in page
    suggestions = client.get("/search/suggest/?q=mang")
    assert suggestions.status_code == 503
    assert suggestions.json()["results"] == []
    assert suggestions["Cache-Control"] == "no-store"
    # Without words nothing is asked of the engine.
    assert client.get("/search/").status_code == 200
