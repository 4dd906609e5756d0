"""The demo gives Benin and Kenya a published national website, once."""

from wagtail.models import Page

from community.models import CountryPage
from national.demo import seed_national_sites


def test_the_demo_national_sites_are_published_and_seeded_once(
    client, network, subjects
):
    countries = {c.iso_code: c for c in CountryPage.objects.all()}
    assert seed_national_sites(countries) == 10
    assert seed_national_sites(countries) == 0
    benin_pages = Page.objects.child_of(network.benin)
    assert benin_pages.live().count() == 5
    assert Page.objects.child_of(network.fiji).count() == 0
    network.kenya.refresh_from_db()
    assert network.kenya.accent == "ocean"
    assert network.kenya.national_site_published_at is not None
    html = client.get("/africa/benin/biodiversity-profile/").content.decode()
    assert html.count('class="fact"') == 3
    assert client.get("/africa/kenya/contacts/").status_code == 200
