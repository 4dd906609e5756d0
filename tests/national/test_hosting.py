"""Each country's space served as a site of its own: at its national address
(bj.localhost) and at a domain it claimed once the Secretariat approved it."""

import pytest
from django.core.cache import cache

from home.models import StandardPage
from national.models import DomainClaim

from ..factories import translate_page

pytestmark = pytest.mark.shared_world("forums", "people")


@pytest.fixture
def about(network):
    page = network.benin.add_child(
        instance=StandardPage(title="About Benin's CHM", slug="about", intro="Who")
    )
    page.save_revision().publish()
    return page


def claim(network, hostname, status=DomainClaim.Status.APPROVED, country=None):
    made = DomainClaim.objects.create(
        country=country or network.benin, hostname=hostname, status=status
    )
    cache.clear()
    return made


def test_the_national_address_serves_the_country_page_at_its_root(client, network):
    response = client.get("/", HTTP_HOST="bj.localhost:8000")
    assert response.status_code == 200
    assert response.context["page"].pk == network.benin.pk
    assert response.wsgi_request.national_country.pk == network.benin.pk


def test_the_national_address_serves_the_country_s_children_at_their_slug(
    client, about
):
    response = client.get("/about/", HTTP_HOST="bj.localhost")
    assert response.status_code == 200
    assert response.context["page"].pk == about.pk


def test_the_national_address_serves_pages_in_other_languages(client, network, locales):
    translate_page(network.benin, locales["fr"], title="Bénin")
    response = client.get("/fr/", HTTP_HOST="bj.localhost")
    assert response.status_code == 200
    assert response.context["page"].title == "Bénin"
    assert response.context["page"].locale.language_code == "fr"


def test_the_country_s_pages_keep_their_address_on_the_network(client, about):
    response = client.get("/africa/benin/about/")
    assert response.status_code == 200
    assert response.context["page"].pk == about.pk
    assert response.wsgi_request.national_country is None


def test_the_host_is_matched_by_name_whatever_the_port(client, network):
    for host in ("bj.localhost", "bj.localhost:8000", "BJ.localhost:54321"):
        response = client.get("/", HTTP_HOST=host)
        assert response.context["page"].pk == network.benin.pk, host


def test_each_country_gets_its_own_site(client, network):
    response = client.get("/", HTTP_HOST="ke.localhost")
    assert response.context["page"].pk == network.kenya.pk


def test_an_unknown_national_address_gets_the_network_s_404_page(client, network):
    for host in ("zz.localhost", "www.localhost", "a.b.localhost"):
        response = client.get("/", HTTP_HOST=host)
        assert response.status_code == 404, host
        assert b"<html" in response.content


@pytest.mark.parametrize(
    "host", ["evil.example", "evil.example:8000", "bad host", "bj.localhost@evil.org"]
)
def test_a_hostile_host_gets_400(client, network, host):
    assert client.get("/", HTTP_HOST=host).status_code == 400


def test_an_approved_domain_serves_the_country_s_site(client, network, about):
    claim(network, "chm.gouv.bj")
    response = client.get("/", HTTP_HOST="chm.gouv.bj")
    assert response.status_code == 200
    assert response.context["page"].pk == network.benin.pk
    assert client.get("/about/", HTTP_HOST="chm.gouv.bj").context["page"].pk == (
        about.pk
    )


@pytest.mark.parametrize(
    "status", [DomainClaim.Status.REQUESTED, DomainClaim.Status.REFUSED]
)
def test_a_pending_or_refused_claim_serves_nothing(client, network, status):
    claim(network, "chm.gouv.bj", status=status)
    assert client.get("/", HTTP_HOST="chm.gouv.bj").status_code == 400


def test_approving_a_claim_takes_effect_at_once(client, network, people):
    from national.claims import decide

    pending = claim(network, "chm.gouv.bj", status=DomainClaim.Status.REQUESTED)
    assert client.get("/", HTTP_HOST="chm.gouv.bj").status_code == 400
    decide(people.staff, pending, DomainClaim.Status.APPROVED)
    assert client.get("/", HTTP_HOST="chm.gouv.bj").status_code == 200


def test_network_pages_are_linked_on_the_network_from_a_national_site(
    client, network, about, settings
):
    settings.SITE_BASE_URL = "http://localhost:8000"
    html = client.get("/", HTTP_HOST="bj.localhost:8000").content.decode()
    # The national header leads back to the network by its address, signs in
    # through the hand-off, and no link is a network path this host lacks.
    assert 'class="network-link" href="http://localhost:8000/"' in html
    assert 'href="/national/sign-in/?next=%2F"' in html
    for path in ("/forums/", "/experts/", "/toolkits/", "/search/"):
        assert f'href="{path}' not in html


def test_a_national_page_names_its_children_relative_to_the_site(network, about, rf):
    from national.middleware import serve_country

    request = rf.get("/", HTTP_HOST="bj.localhost")
    serve_country(request, network.benin, "bj.localhost", "")
    assert about.get_url(request) == "/about/"
    assert network.benin.get_url(request) == "/"
    assert network.kenya.get_url(request).endswith("/africa/kenya/")
    assert network.kenya.get_url(request).startswith("http")


def test_network_routes_on_a_national_host_go_to_the_network(client, network, settings):
    settings.SITE_BASE_URL = "http://localhost:8000"
    for path in ("/search/?q=forest", "/experts/", "/admin/", "/fr/members/x/"):
        response = client.get(path, HTTP_HOST="bj.localhost:8000")
        assert response.status_code == 302, path
        assert response["Location"] == f"http://localhost:8000{path}"


def test_a_network_page_followed_on_a_national_host_goes_to_the_network(
    client, network, forums, settings
):
    settings.SITE_BASE_URL = "http://localhost:8000"
    response = client.get("/forums/", HTTP_HOST="bj.localhost:8000")
    assert response.status_code == 302
    assert response["Location"] == "http://localhost:8000/forums/"


def test_a_missing_page_on_a_national_site_is_a_404(client, network):
    assert client.get("/no-such-page/", HTTP_HOST="bj.localhost").status_code == 404


def test_a_national_host_serves_its_own_files_and_language_switch(client, network):
    assert client.get("/robots.txt", HTTP_HOST="bj.localhost").status_code == 200
    response = client.post(
        "/i18n/setlang/", {"language": "fr", "next": "/"}, HTTP_HOST="bj.localhost"
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_the_canonical_address_is_the_national_one_on_both_addresses(
    client, about, settings
):
    settings.SITE_BASE_URL = "https://chm-cbd.example"
    settings.CHM_NATIONAL_DOMAIN = "localhost"
    expected = '<link rel="canonical" href="https://bj.localhost/about/">'
    assert expected in client.get("/africa/benin/about/").content.decode()
    assert expected in client.get("/about/", HTTP_HOST="bj.localhost").content.decode()


def test_the_canonical_address_is_the_approved_domain_when_there_is_one(
    client, network, about, settings
):
    settings.SITE_BASE_URL = "https://chm-cbd.example"
    claim(network, "chm.gouv.bj")
    expected = '<link rel="canonical" href="https://chm.gouv.bj/about/">'
    for host, path in (
        ("localhost", "/africa/benin/about/"),
        ("bj.localhost", "/about/"),
        ("chm.gouv.bj", "/about/"),
    ):
        html = client.get(path, HTTP_HOST=host).content.decode()
        assert expected in html, host


def test_pages_outside_any_country_keep_their_canonical(client, network):
    html = client.get("/africa/").content.decode()
    assert '<link rel="canonical" href="http://testserver/africa/">' in html


def test_the_language_alternates_name_the_national_site_too(client, network, settings):
    settings.SITE_BASE_URL = "https://chm-cbd.example"
    for host, path in (("localhost", "/africa/benin/"), ("bj.localhost", "/")):
        html = client.get(path, HTTP_HOST=host).content.decode()
        assert '<link rel="canonical" href="https://bj.localhost/">' in html, host
        assert 'hreflang="fr" href="https://bj.localhost/fr/"' in html, host


def test_a_country_page_s_network_path_on_its_national_site_moves_to_its_address(
    client, about
):
    response = client.get("/africa/benin/about/", HTTP_HOST="bj.localhost")
    assert response.status_code == 301
    assert response["Location"] == "/about/"
    response = client.get("/fr/africa/benin/", HTTP_HOST="bj.localhost")
    assert response.status_code == 301
    assert response["Location"] == "/fr/"
