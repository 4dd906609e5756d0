import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from blog.models import BlogPostPage
from community.models import CountryPage, RegionPage
from events.models import EventsIndexPage
from home.models import HomePage, StandardPage
from national.models import NATIONAL_PAGE_MODELS

from ..factories import build_network


class PagePlacementTests(WagtailPageTestCase):
    def test_regions_live_under_the_home_page_only(self):
        self.assertCanCreateAt(HomePage, RegionPage)
        self.assertCanNotCreateAt(Page, RegionPage)
        self.assertCanNotCreateAt(RegionPage, RegionPage)
        self.assertCanNotCreateAt(CountryPage, RegionPage)

    def test_countries_live_under_regions_only(self):
        self.assertCanCreateAt(RegionPage, CountryPage)
        self.assertCanNotCreateAt(HomePage, CountryPage)
        self.assertCanNotCreateAt(CountryPage, CountryPage)

    def test_standard_pages_fit_the_site_and_national_spaces(self):
        self.assertAllowedSubpageTypes(
            CountryPage,
            {BlogPostPage, StandardPage, EventsIndexPage, *NATIONAL_PAGE_MODELS},
        )
        self.assertCanCreateAt(HomePage, StandardPage)

    def test_every_page_of_the_network_renders(self):
        network = build_network()
        for page in (network.home, network.africa, network.benin):
            self.assertPageIsRenderable(page)


@pytest.mark.smoke
def test_home_page_lists_the_regions(client, network):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Africa" in html and "Asia and the Pacific" in html
    assert 'href="/africa/"' in html


@pytest.mark.smoke
def test_region_page_lists_its_countries_only(client, network):
    html = client.get("/africa/").content.decode()
    assert "Benin" in html and "Kenya" in html
    assert "Fiji" not in html


@pytest.mark.smoke
def test_country_page_shows_capacity_and_recommended_action(client, network):
    html = client.get("/africa/benin/").content.decode()
    assert "Benin" in html and "BJ" in html
    assert "National CHM on the web" in html
    assert "Improve content that supports the national biodiversity targets." in html


def test_country_page_lists_its_focal_points(client, people):
    html = client.get("/africa/benin/").content.decode()
    assert people.focal_benin.get_display_name() in html
    assert people.focal_kenya.get_display_name() not in html


@pytest.mark.parametrize(
    "path",
    ["/antarctica/", "/africa/atlantis/", "/members/nobody/", "/nowhere/at/all/"],
)
def test_unknown_places_and_members_answer_404_in_the_site_design(
    client, network, path
):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert 'class="site-header"' in html


def test_country_page_queries_do_not_grow_with_focal_points(
    client, network, django_assert_max_num_queries
):
    from community.national_spaces import assign_focal_point

    from ..factories import UserFactory

    for _ in range(15):
        assign_focal_point(UserFactory(), network.benin)
    # 22: one reads the page's translations (its hreflang alternates), two
    # its national site's addresses (the country's translations, and the
    # approved domains when the cache is cold), one the country's national
    # pages (its local menu), two its upcoming events and its calendar, one
    # how its national targets stand.
    with django_assert_max_num_queries(23):
        assert client.get("/africa/benin/").status_code == 200


def test_region_page_queries_do_not_grow_with_countries(
    client, network, django_assert_max_num_queries
):
    for n in range(20):
        network.africa.refresh_from_db()
        network.africa.add_child(
            instance=CountryPage(
                title=f"Country {n}", slug=f"country-{n}", iso_code=f"Q{chr(65 + n)}"
            )
        )
    # 17: one of them reads the page's translations (its hreflang alternates).
    with django_assert_max_num_queries(17):
        assert client.get("/africa/").status_code == 200


@pytest.mark.smoke
def test_pages_are_served_under_every_un_language_prefix(client, network):
    for prefix in ("/fr", "/es", "/ar", "/ru", "/zh-hans"):
        response = client.get(f"{prefix}/africa/benin/")
        assert response.status_code == 200, prefix
    assert 'dir="rtl"' in client.get("/ar/africa/benin/").content.decode()
