import feedparser
import pytest
from django.core.cache import cache
from taggit.models import Tag

from ..factories import UserFactory, make_post

FEEDS = [
    "/feeds/news.rss",
    "/feeds/news.atom",
    "/feeds/regions/africa.rss",
    "/feeds/regions/africa.atom",
    "/feeds/countries/bj.rss",
    "/feeds/countries/bj.atom",
    "/feeds/tags/forest.rss",
    "/feeds/tags/forest.atom",
]


@pytest.fixture
def news(network):
    forest = Tag.objects.create(name="Forest", slug="forest")
    author = UserFactory(display_name="Aïcha Dossou")
    make_post(
        network.benin,
        1,
        tags=[forest],
        author=author,
        intro="A <b>bold</b> & safe intro",
    )
    make_post(network.kenya, 2)
    make_post(network.fiji, 3, tags=[forest])
    return network


def parse(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    return parsed


@pytest.mark.smoke
@pytest.mark.parametrize("path", FEEDS)
def test_every_feed_is_valid(client, news, path):
    parsed = parse(client, path)
    assert parsed.version in {"rss20", "atom10"}
    assert parsed.entries
    for entry in parsed.entries:
        assert entry.link.startswith("http://testserver/")
        assert entry.id
        assert entry.published_parsed or entry.updated_parsed


@pytest.mark.parametrize(
    "path,expected",
    [
        ("/feeds/news.rss", {"News 1", "News 2", "News 3"}),
        ("/feeds/regions/africa.rss", {"News 1", "News 2"}),
        ("/feeds/regions/asia-pacific.atom", {"News 3"}),
        ("/feeds/countries/bj.rss", {"News 1"}),
        ("/feeds/countries/KE.atom", {"News 2"}),
        ("/feeds/tags/forest.rss", {"News 1", "News 3"}),
    ],
)
def test_feeds_carry_the_right_items(client, news, path, expected):
    assert {entry.title for entry in parse(client, path).entries} == expected


def test_feed_items_have_categories_author_summary_and_stable_guids(client, news):
    entry = next(e for e in parse(client, "/feeds/countries/bj.rss").entries)
    assert [tag.term for tag in entry.tags] == ["Forest"]
    assert entry.author == "Aïcha Dossou"
    assert "&lt;b&gt;bold&lt;/b&gt;" in entry.summary  # the intro is text, escaped
    guid = entry.id
    cache.clear()
    post = news.benin.get_children().get().specific
    post.slug = "renamed"
    post.save()
    again = parse(client, "/feeds/countries/bj.rss").entries[0]
    assert again.id == guid
    assert again.link.endswith("/africa/benin/renamed/")


def test_feed_dates_carry_a_time_zone(client, news):
    body = client.get("/feeds/news.atom").content.decode()
    assert "+00:00</updated>" in body or "Z</updated>" in body
    rss = client.get("/feeds/news.rss").content.decode()
    assert "+0000</pubDate>" in rss


@pytest.mark.parametrize(
    "path",
    ["/feeds/regions/atlantis.rss", "/feeds/countries/zz.atom", "/feeds/tags/nope.rss"],
)
def test_unknown_feeds_are_404(client, news, path):
    assert client.get(path).status_code == 404


PAGES = ["/", "/africa/", "/africa/benin/", "/tags/forest/"]


def test_pages_and_feeds_do_not_grow_from_5_to_200_posts(client, network):
    """Query counts of every news page and feed are the same with 5 and 200 posts."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    forest = Tag.objects.create(name="Forest", slug="forest")
    authors = [UserFactory(), UserFactory()]

    def counts() -> dict[str, int]:
        result = {}
        for path in PAGES + FEEDS:
            cache.clear()
            with CaptureQueriesContext(connection) as ctx:
                assert client.get(path).status_code == 200, path
            result[path] = len(ctx.captured_queries)
        return result

    for n in range(5):
        make_post(network.benin, n, tags=[forest], author=authors[n % 2])
    counts()  # Fills the process's own memos (Party names, locales) first.
    few = counts()
    for n in range(5, 200):
        make_post(network.benin, n, tags=[forest], author=authors[n % 2])
    assert counts() == few
    assert max(few[path] for path in FEEDS) <= 12
    # 27: one of them reads the page's translations (its hreflang alternates);
    # a country's page also lists its upcoming events and links its calendar
    # (2), its national pages (its local menu, 1), names its national site's
    # address (the approved domains, read with the cache cleared, 2) and says
    # how its national targets stand (1).
    assert max(few[path] for path in PAGES) <= 27


def test_feeds_are_cached(client, news, django_assert_num_queries):
    client.get("/feeds/news.rss")
    with django_assert_num_queries(0):
        assert client.get("/feeds/news.rss").status_code == 200


@pytest.mark.parametrize(
    "path,feed",
    [
        ("/", "/feeds/news.rss"),
        ("/africa/", "/feeds/regions/africa.atom"),
        ("/africa/benin/", "/feeds/countries/bj.rss"),
        ("/tags/forest/", "/feeds/tags/forest.atom"),
    ],
)
def test_pages_advertise_and_link_their_feeds(client, news, path, feed):
    html = client.get(path).content.decode()
    assert '<link rel="alternate" type="application/' in html
    assert f'href="{feed}"' in html
    assert html.count(f'href="{feed}"') >= 2  # <head> and a visible link
