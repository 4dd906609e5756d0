"""Each page of a national website renders on the network's site, inside the
network's chrome with the country's national pages as a local menu; the menu
lists live, public pages marked for menus only, in their order."""

import pytest
from wagtail.models import PageViewRestriction

from ..factories import NationalPageFactory, make_national_site


@pytest.fixture
def national_site(network, subjects, media_in_tmp):
    return make_national_site(network.benin, photos=2)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("about/", "Ada Focal"),
        ("biodiversity-profile/", "Known plant species"),
        ("documents/", "Sixth national report"),
        ("information-sources/", "Forest inventory"),
        ("gallery/", 'alt="A forest, view 1"'),
    ],
)
def test_each_national_page_renders_on_the_network_site(
    client, national_site, path, expected
):
    response = client.get(f"/africa/benin/{path}")
    assert response.status_code == 200
    html = response.content.decode()
    assert expected in html
    # The network's chrome, with the country's pages as a local menu.
    assert 'class="site-header"' in html
    assert 'class="local-menu"' in html
    assert "national-header" not in html


def test_the_gallery_serves_responsive_images(client, national_site):
    html = client.get("/africa/benin/gallery/").content.decode()
    assert "srcset=" in html
    assert 'sizes="' in html
    assert html.count('<figure class="gallery-item">') == 2


def test_the_profile_shows_each_fact_with_its_source(client, national_site):
    html = client.get("/africa/benin/biodiversity-profile/").content.decode()
    assert html.count('class="fact"') == 3
    assert 'href="https://example.org/pa"' in html
    assert "% of the land" in html


def test_the_sources_directory_is_grouped_and_filtered_by_subject(
    client, national_site
):
    html = client.get("/africa/benin/information-sources/").content.decode()
    assert "<h2>Forest</h2>" in html
    assert "Plant herbarium" in html  # in "Other sources"
    filtered = client.get(
        "/africa/benin/information-sources/?subject=CBD-SUBJECT-FOR"
    ).content.decode()
    assert "Forest inventory" in filtered
    assert "Plant herbarium" not in filtered
    # An unknown subject shows everything rather than failing.
    unknown = client.get("/africa/benin/information-sources/?subject=<x>")
    assert unknown.status_code == 200
    assert "Plant herbarium" in unknown.content.decode()


def test_the_documents_page_groups_by_kind_and_links_the_file(client, national_site):
    html = client.get("/africa/benin/documents/").content.decode()
    assert "<h2>National report</h2>" in html
    assert "/documents/" in html
    assert "2019" in html


def test_the_menu_lists_live_public_menu_pages_only_in_order(client, network):
    about, *_rest = make_national_site(network.benin)
    NationalPageFactory(parent=network.benin, title="Hidden", show_in_menus=False)
    draft = NationalPageFactory(parent=network.benin, title="Draft page")
    draft.unpublish()
    private = NationalPageFactory(parent=network.benin, title="Private page")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    html = client.get("/africa/benin/").content.decode()
    menu = html.split('class="local-menu"')[1].split("</nav>")[0]
    titles = ["About", "Biodiversity profile", "Documents", "Information sources"]
    positions = [menu.index(f">{title}<") for title in titles]
    assert positions == sorted(positions)
    for absent in ("Hidden", "Draft page", "Private page"):
        assert absent not in menu
    # Kenya's space shows none of Benin's pages.
    assert "Biodiversity profile" not in client.get("/africa/kenya/").content.decode()


def test_the_pages_can_only_be_made_under_a_country(network):
    from national.models import NATIONAL_PAGE_MODELS

    for model in NATIONAL_PAGE_MODELS:
        assert model.can_create_at(network.benin)
        assert not model.can_create_at(network.africa)
        assert not model.can_create_at(network.home)
