import feedparser
import pytest
from django.core.cache import cache

from ..factories import make_toolkit

FEEDS = [
    "/feeds/toolkits.rss",
    "/feeds/toolkits.atom",
    "/feeds/toolkits/toolkits.rss",
    "/feeds/toolkits/toolkits.atom",
    "/feeds/toolkits/tags/forest.rss",
    "/feeds/toolkits/tags/forest.atom",
]


@pytest.fixture
def shelf(library, subjects):
    make_toolkit(library, 1, tags=[subjects["forest"]], authors="Aïcha Dossou")
    make_toolkit(library, 2, tags=[subjects["cepa"]], summary="A <b>bold</b> & safe")
    make_toolkit(library, 3, live=False, tags=[subjects["forest"]])
    return library


def parse(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    return parsed


@pytest.mark.smoke
@pytest.mark.parametrize("path", FEEDS)
def test_every_toolkit_feed_is_valid(client, shelf, path):
    parsed = parse(client, path)
    assert parsed.version in {"rss20", "atom10"}
    assert parsed.entries
    for entry in parsed.entries:
        assert entry.link.startswith("http://testserver/toolkits/")
        assert entry.id and (entry.published_parsed or entry.updated_parsed)


@pytest.mark.parametrize(
    "path,expected",
    [
        ("/feeds/toolkits.rss", {"Toolkit 1", "Toolkit 2"}),
        ("/feeds/toolkits/toolkits.atom", {"Toolkit 1", "Toolkit 2"}),
        ("/feeds/toolkits/tags/forest.rss", {"Toolkit 1"}),
        ("/feeds/toolkits/tags/cepa.atom", {"Toolkit 2"}),
    ],
)
def test_feeds_carry_the_published_toolkits_of_their_scope(
    client, shelf, path, expected
):
    assert {entry.title for entry in parse(client, path).entries} == expected


def test_feed_items_have_author_categories_and_escaped_summary(client, shelf):
    entries = parse(client, "/feeds/toolkits.rss").entries
    first = next(e for e in entries if e.title == "Toolkit 1")
    assert first.author == "Aïcha Dossou"
    assert [tag.term for tag in first.tags] == ["Forest"]
    second = next(e for e in entries if e.title == "Toolkit 2")
    assert "&lt;b&gt;bold&lt;/b&gt;" in second.summary


@pytest.mark.parametrize(
    "path", ["/feeds/toolkits/nope.rss", "/feeds/toolkits/tags/nope.atom"]
)
def test_unknown_feeds_are_404(client, shelf, path):
    assert client.get(path).status_code == 404


def test_feeds_are_cached(client, shelf, django_assert_num_queries):
    client.get("/feeds/toolkits.rss")
    with django_assert_num_queries(0):
        assert client.get("/feeds/toolkits.rss").status_code == 200


@pytest.mark.parametrize(
    "path,feed",
    [
        ("/toolkits/", "/feeds/toolkits/toolkits.rss"),
        ("/toolkits/toolkit-1/", "/feeds/toolkits/toolkits.atom"),
        ("/tags/forest/", "/feeds/toolkits/tags/forest.rss"),
    ],
)
def test_pages_advertise_and_link_their_toolkit_feeds(client, shelf, path, feed):
    html = client.get(path).content.decode()
    assert '<link rel="alternate" type="application/' in html
    assert html.count(f'href="{feed}"') >= 2  # <head> and a visible link


def test_tag_pages_list_toolkits_with_the_tag(client, shelf):
    cache.clear()
    html = client.get("/tags/forest/").content.decode()
    assert "Toolkits" in html and "Toolkit 1" in html
    assert "Toolkit 2" not in html and "Toolkit 3" not in html


def test_feed_query_count_does_not_grow(client, library, subjects):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def counts():
        result = []
        for path in FEEDS:
            cache.clear()
            with CaptureQueriesContext(connection) as ctx:
                client.get(path)
            result.append(len(ctx.captured_queries))
        return result

    for n in range(3):
        make_toolkit(library, n, tags=[subjects["forest"]])
    few = counts()
    for n in range(3, 40):
        make_toolkit(library, n, tags=[subjects["forest"]])
    assert counts() == few
