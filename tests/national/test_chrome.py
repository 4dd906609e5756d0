"""On a national website (its own host: the hosting middleware sets
`request.national_country`), pages wear the country's
header, menu and accent, with a way back to the network; the country page is
the site's home, leading with its hero and its news."""

import pytest
import wagtail_factories

from ..factories import NationalPageFactory, make_national_site, news

# Benin's national site: its own host (national/middleware.py serves the
# country page at its root).
NATIONAL = {"HTTP_HOST": "bj.localhost"}


@pytest.fixture
def national_site(network, subjects):
    return make_national_site(network.benin)


def test_a_national_page_wears_the_national_header_and_menu(client, national_site):
    html = client.get("/about/", **NATIONAL).content.decode()
    assert "national-header" in html
    assert 'class="site-header">' not in html  # not the network's header
    assert "Benin national CHM" in html
    header = html.split("national-header")[1].split("</header>")[0]
    assert ">Biodiversity profile<" in header
    assert 'aria-current="page"' in header
    assert "CHM network" in header
    assert "part of the" in html  # the footer's network line
    assert "national-site accent-forest" in html
    # The header carries the menu: no second, local one.
    assert 'class="local-menu"' not in html


def test_the_national_home_leads_with_the_hero_and_the_countrys_news(
    client, network, media_in_tmp
):
    benin = network.benin
    benin.national_hero = wagtail_factories.ImageFactory()
    benin.save()
    news(benin, "Mangroves replanted")
    html = client.get("/", **NATIONAL).content.decode()
    assert "national-hero" in html
    assert "srcset=" in html
    assert "Mangroves replanted" in html
    assert "Benin national Clearing-House Mechanism" in html


def test_the_same_country_page_on_the_network_keeps_the_network_chrome(client, network):
    html = client.get("/africa/benin/").content.decode()
    assert "national-header" not in html
    assert "national-hero" not in html
    assert 'class="site-header"' in html


def test_another_countrys_page_is_not_the_national_home(client, network):
    html = client.get("/africa/kenya/", **NATIONAL).content.decode()
    assert "national-hero" not in html


def test_the_palette_accent_is_a_css_class(client, network):
    network.benin.accent = "ocean"
    network.benin.save()
    html = client.get("/", **NATIONAL).content.decode()
    assert "national-site accent-ocean" in html
    assert "style=" not in html.split("<body")[1].split(">")[0]


def test_a_custom_accent_comes_from_its_own_cacheable_stylesheet(client, network):
    network.benin.accent_custom = "#123456"
    network.benin.save()
    html = client.get("/", **NATIONAL).content.decode()
    assert "custom-accent" in html
    assert 'href="/national/accent/123456.css"' in html
    css = client.get("/national/accent/123456.css")
    assert css.status_code == 200
    assert css["Content-Type"].startswith("text/css")
    assert "--accent:#123456" in css.content.decode()
    assert "immutable" in css["Cache-Control"]
    # A colour below AA is no stylesheet at all.
    assert client.get("/national/accent/eeeeee.css").status_code == 404


def test_query_counts_of_the_national_home_and_a_page_stay_bounded(
    client, network, django_assert_max_num_queries
):
    make_national_site(network.benin)
    for n in range(5):
        news(network.benin, f"News {n}")
        NationalPageFactory(parent=network.benin, title=f"Extra {n}")
    client.get("/", **NATIONAL)  # warm the site and locale caches
    with django_assert_max_num_queries(22):
        assert client.get("/", **NATIONAL).status_code == 200
    with django_assert_max_num_queries(19):
        assert client.get("/about/", **NATIONAL).status_code == 200
    with django_assert_max_num_queries(19):
        assert client.get("/africa/benin/about/").status_code == 200
