"""National pages are cached for anonymous visitors like the network's,
keyed by host, and a publication refreshes them on every address."""

import pytest

from home.models import StandardPage
from national.claims import decide
from national.models import DomainClaim


@pytest.fixture
def page_cache(settings):
    settings.CHM_PAGE_CACHE_SECONDS = 300


@pytest.fixture
def about(network):
    page = network.benin.add_child(
        instance=StandardPage(title="About Benin's CHM", slug="about", intro="Who")
    )
    page.save_revision().publish()
    return page


def test_a_national_page_is_cached_under_its_own_host(client, page_cache, network):
    first = client.get("/", HTTP_HOST="bj.localhost")
    assert first["X-Page-Cache"] == "miss"
    assert client.get("/", HTTP_HOST="bj.localhost")["X-Page-Cache"] == "hit"
    # Another country's root and the network's home are other pages.
    kenya = client.get("/", HTTP_HOST="ke.localhost")
    assert kenya["X-Page-Cache"] == "miss"
    assert kenya.context["page"].pk == network.kenya.pk
    home = client.get("/")
    assert home["X-Page-Cache"] == "miss"
    assert home.context["page"].pk == network.home.pk


def test_a_publication_refreshes_both_addresses(
    client, page_cache, about, django_capture_on_commit_callbacks
):
    addresses = [("bj.localhost", "/about/"), ("testserver", "/africa/benin/about/")]
    for host, path in addresses:
        client.get(path, HTTP_HOST=host)
        assert client.get(path, HTTP_HOST=host)["X-Page-Cache"] == "hit"
    about.title = "Benin's clearing-house"
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()
    for host, path in addresses:
        response = client.get(path, HTTP_HOST=host)
        assert response["X-Page-Cache"] == "miss", host
        assert "Benin&#x27;s clearing-house" in response.content.decode()


def test_an_approved_domain_refreshes_the_canonical_of_cached_pages(
    client, page_cache, about, people, settings, django_capture_on_commit_callbacks
):
    settings.SITE_BASE_URL = "https://chm-cbd.example"
    client.get("/about/", HTTP_HOST="bj.localhost")
    with django_capture_on_commit_callbacks(execute=True):
        claim = DomainClaim.objects.create(country=about.get_parent(), hostname="x.bj")
        decide(people.staff, claim, DomainClaim.Status.APPROVED)
    html = client.get("/about/", HTTP_HOST="bj.localhost").content.decode()
    assert '<link rel="canonical" href="https://x.bj/about/">' in html
