"""What search engines read: descriptions, canonical and language alternates,
the sitemap and robots.txt; and which pages are sent compressed."""

import gzip
import re

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction

from community.models import User
from forum.models import Forum
from national.hosting import national_address

from ..factories import UserFactory, make_post, make_toolkit, make_topic, translate_page

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')
HREFLANGS = ["ar", "en", "es", "fr", "ru", "zh-Hans", "x-default"]


def head(response) -> str:
    return response.content.decode().split("</head>")[0]


@pytest.fixture
def site(network, forums, author, library, locales):
    topic = make_topic(
        forums.public, author, replies=2, title="Mangrove nurseries in the delta"
    )
    news = make_post(
        network.benin,
        1,
        intro="Benin opens its national clearing-house to the public.",
    )
    toolkit = make_toolkit(library, 1, summary="How to run a national CHM website.")
    member = UserFactory(username="wanjiru", display_name="Wanjiru")
    return {
        "home": "/",
        "region": network.africa.url,
        "country": network.benin.url,
        "news post": news.url,
        "forums": "/forums/",
        "forum": "/forums/forest/",
        "topic": topic.get_absolute_url(),
        "toolkit library": library.url,
        "toolkit": toolkit.url,
        "cooperation requests": "/cooperation/",
        "experts": "/experts/",
        "profile": f"/members/{member.username}/",
        "network": "/network/",
        "search": "/search/?q=mangrove",
        "sign-in": "/accounts/login/",
        "sign-up": "/accounts/signup/",
        "not found": "/no-such-page/",
    }


PAGE_TYPES = [
    "home",
    "region",
    "country",
    "news post",
    "forums",
    "forum",
    "topic",
    "toolkit library",
    "toolkit",
    "cooperation requests",
    "experts",
    "profile",
    "network",
    "search",
    "sign-in",
    "sign-up",
    "not found",
]


@pytest.mark.parametrize("kind", PAGE_TYPES)
@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_every_page_type_has_exactly_one_meaningful_description(
    client, site, kind, prefix
):
    response = client.get(prefix + site[kind])
    assert response.status_code == (404 if kind == "not found" else 200)
    found = DESCRIPTION.findall(head(response))
    assert len(found) == 1
    assert 20 <= len(found[0]) <= 200
    assert "<" not in found[0]


def test_descriptions_come_from_the_content(client, site):
    assert "Opening post of Mangrove nurseries" in DESCRIPTION.search(
        head(client.get(site["topic"]))
    ).group(1)
    assert "Benin opens its national clearing-house" in DESCRIPTION.search(
        head(client.get(site["news post"]))
    ).group(1)
    assert "How to run a national CHM website." in DESCRIPTION.search(
        head(client.get(site["toolkit"]))
    ).group(1)


def test_a_long_body_is_cut_to_a_description(client, network, locales):
    post = make_post(network.benin, 2, intro="<b>Word</b> " * 100)
    text = DESCRIPTION.search(head(client.get(post.url))).group(1)
    assert len(text) <= 160
    assert text.startswith("Word Word") and text.endswith("…")


@pytest.mark.parametrize(
    "kind", ["home", "country", "forums", "topic", "toolkit library", "experts"]
)
def test_shared_pages_name_all_six_languages_and_a_default(client, site, kind):
    page = head(client.get("/fr" + site[kind]))
    alternates = dict(ALTERNATE.findall(page))
    assert sorted(alternates) == sorted(HREFLANGS)
    base, path = "http://testserver", site[kind]
    if kind == "country":
        # A country's pages name its national site (national.hosting).
        base, path = national_address("BJ"), "/"
    assert alternates["en"] == alternates["x-default"] == f"{base}{path}"
    assert alternates["zh-Hans"] == f"{base}/zh-hans{path}"
    assert CANONICAL.findall(page) == [f"{base}/fr{path}"]


def test_a_translated_toolkit_lists_its_translations_only(client, site, locales):
    from toolkits.models import ToolkitPage

    toolkit = ToolkitPage.objects.get(slug="toolkit-1")
    translate_page(toolkit, locales["fr"], summary="Comment tenir un CHM national.")
    page = head(client.get("/fr" + site["toolkit"]))
    alternates = dict(ALTERNATE.findall(page))
    assert sorted(alternates) == ["en", "fr", "x-default"]
    assert alternates["fr"].startswith("http://testserver/fr/")
    assert CANONICAL.findall(page) == [alternates["fr"]]
    # Spanish has no translation: the original stands in, and says so.
    spanish = head(client.get("/es" + site["toolkit"]))
    assert ALTERNATE.findall(spanish) == []
    assert CANONICAL.findall(spanish) == [f"http://testserver{site['toolkit']}"]


def test_a_toolkit_translated_into_every_language_lists_all_six(client, site, locales):
    from toolkits.models import ToolkitPage

    toolkit = ToolkitPage.objects.get(slug="toolkit-1")
    for code, locale in locales.items():
        if code != "en":
            translate_page(toolkit, locale)
    alternates = dict(ALTERNATE.findall(head(client.get(site["toolkit"]))))
    assert sorted(alternates) == sorted(HREFLANGS)
    assert all(url.startswith("http://testserver/") for url in alternates.values())


def test_french_news_is_found_in_french(client, network, locales):
    post = make_post(network.benin, 3, language="fr", intro="Le Bénin ouvre son CHM.")
    # Benin's news names Benin's national site (national.hosting).
    french = f"{national_address('BJ')}/fr/{post.slug}/"
    page = client.get("/fr" + post.url).content.decode()
    assert CANONICAL.findall(page) == [french]
    assert dict(ALTERNATE.findall(page)) == {"fr": french, "x-default": french}
    # Read in French, French news is no stand-in for a missing translation.
    assert "translation-notice" not in page
    assert CANONICAL.findall(head(client.get(post.url))) == [french]


def test_error_pages_are_not_indexed_and_name_no_address(client, site):
    page = head(client.get(site["not found"]))
    assert '<meta name="robots" content="noindex">' in page
    assert not CANONICAL.findall(page) and not ALTERNATE.findall(page)


def test_sitemap_lists_public_pages_and_topics_only(client, site, network, forums):
    draft = make_post(network.benin, 4, live=False)
    secret = make_post(network.benin, 5)
    PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    members_topic = make_topic(forums.members, User.objects.get(username="author"))
    hidden = make_topic(
        forums.public, User.objects.get(username="author"), is_hidden=True
    )
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    listed = set(re.findall(r"<loc>([^<]+)</loc>", response.content.decode()))
    for kind in ["home", "country", "news post", "toolkit", "topic", "forums"]:
        assert f"http://testserver{site[kind]}" in listed, kind
    for page in (draft, secret):
        assert not any(page.slug in url for url in listed)
    for topic in (members_topic, hidden):
        assert f"http://testserver{topic.get_absolute_url()}" not in listed
    assert Forum.objects.filter(visibility="members").exists()


def test_sitemap_lists_translations(client, network, locales):
    translate_page(network.benin, locales["fr"], slug="benin-fr")
    listed = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/fr/" in listed


def test_robots_txt_points_at_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Disallow: /fr/messages/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert not any(line in ("Disallow: /", "Disallow: /forums/") for line in lines)


def test_anonymous_pages_are_compressed(client, site):
    response = client.get(site["topic"], headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert b"Mangrove nurseries" in gzip.decompress(response.content)


def test_pages_of_members_and_pages_with_a_csrf_token_are_not_compressed(client, site):
    # BREACH: nothing secret is ever compressed beside reflected input.
    sign_in = client.get(site["sign-in"], headers={"accept-encoding": "gzip"})
    assert "Content-Encoding" not in sign_in
    client.force_login(UserFactory(username="reader"))
    topic = client.get(site["topic"], headers={"accept-encoding": "gzip"})
    assert topic.status_code == 200
    assert "Content-Encoding" not in topic


@override_settings(CHM_PAGE_CACHE_SECONDS=60)
def test_the_page_cache_keeps_each_scheme_its_own_addresses(client, site):
    client.get(site["topic"])
    secure = head(client.get(site["topic"], secure=True))
    assert CANONICAL.findall(secure) == [f"https://testserver{site['topic']}"]
