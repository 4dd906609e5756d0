"""Signing in on a national site goes through the network's site: a signed,
short-lived, single-use token for one host, and never a redirect elsewhere."""

from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client

from ..factories import login

pytestmark = pytest.mark.shared_world("people")

BJ = "bj.localhost:8000"


@pytest.fixture
def main_site(settings):
    settings.SITE_BASE_URL = "http://localhost:8000"


def handoff(client, next_url):
    return client.get("/national/sign-in/hand-off/", {"next": next_url})


def signed_in(client) -> bool:
    return client.get("/").wsgi_request.user.is_authenticated


def test_the_national_sign_in_link_leads_to_the_network(network, main_site):
    national = Client(HTTP_HOST=BJ)
    response = national.get("/national/sign-in/", {"next": "/about/"})
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert target.netloc == "localhost:8000"
    assert target.path == "/national/sign-in/hand-off/"
    assert parse_qs(target.query)["next"] == ["http://bj.localhost:8000/about/"]


def test_allauth_s_sign_in_on_a_national_host_is_the_hand_off(network, main_site):
    response = Client(HTTP_HOST=BJ).get("/accounts/login/", {"next": "/about/"})
    assert response.status_code == 302
    assert response["Location"] == "/national/sign-in/?next=%2Fabout%2F"


def test_a_member_signed_in_on_the_network_ends_signed_in_on_the_national_site(
    network, people, main_site
):
    response = handoff(login(people.member), "http://bj.localhost:8000/about/")
    assert response.status_code == 302
    back = urlsplit(response["Location"])
    assert back.netloc == BJ
    assert back.path == "/national/sign-in/complete/"
    national = Client(HTTP_HOST=BJ)
    assert not signed_in(national)
    done = national.get(f"{back.path}?{back.query}")
    assert done.status_code == 302
    assert done["Location"] == "/about/"
    assert signed_in(national)
    assert national.get("/").wsgi_request.user == people.member


def test_a_visitor_not_signed_in_signs_in_on_the_network_first(network, main_site):
    response = handoff(Client(), "http://bj.localhost:8000/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert "hand-off" in response["Location"]


def complete_url(client, next_url="http://bj.localhost:8000/"):
    back = urlsplit(handoff(client, next_url)["Location"])
    return f"{back.path}?{back.query}"


def test_a_token_is_used_once(network, people, main_site):
    url = complete_url(login(people.member))
    assert Client(HTTP_HOST=BJ).get(url).status_code == 302
    again = Client(HTTP_HOST=BJ)
    assert again.get(url).status_code == 403
    assert not signed_in(again)


def test_a_forged_token_is_refused(network, people, main_site):
    url = complete_url(login(people.member))
    forged = url.replace("token=", "token=x")
    national = Client(HTTP_HOST=BJ)
    assert national.get(forged).status_code == 403
    assert not signed_in(national)
    signed_elsewhere = (
        "/national/sign-in/complete/?token=eyJ1IjoxLCJoIjoiYmoubG9jYWxob3N0In0"
        ":1vAAAA:forgedforgedforgedforgedforgedforged"
    )
    assert national.get(signed_elsewhere).status_code == 403


def test_an_expired_token_is_refused(network, people, main_site, monkeypatch):
    import time

    url = complete_url(login(people.member))
    later = time.time() + 120
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    national = Client(HTTP_HOST=BJ)
    assert national.get(url).status_code == 403
    assert not signed_in(national)


def test_a_token_for_one_country_is_refused_by_another(network, people, main_site):
    url = complete_url(login(people.member))
    kenya = Client(HTTP_HOST="ke.localhost:8000")
    assert kenya.get(url).status_code == 403
    assert not signed_in(kenya)


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/",
        "http://bj.localhost.evil.example/",
        "http://evil.example\\@bj.localhost/",
        "javascript:alert(1)//bj.localhost",
        "/about/",
        "",
    ],
)
def test_the_hand_off_leads_to_national_sites_only(
    network, people, main_site, next_url
):
    response = handoff(login(people.member), next_url)
    assert response.status_code == 400


def test_the_hand_off_leads_to_an_approved_domain(network, people, main_site):
    from django.core.cache import cache

    from national.models import DomainClaim

    DomainClaim.objects.create(
        country=network.benin, hostname="chm.gouv.bj", status="approved"
    )
    cache.clear()
    response = handoff(login(people.member), "https://chm.gouv.bj/")
    assert response["Location"].startswith(
        "https://chm.gouv.bj/national/sign-in/complete/"
    )


def test_after_the_hand_off_only_a_local_path_is_followed(network, people, main_site):
    url = complete_url(login(people.member))
    response = Client(HTTP_HOST=BJ).get(url + "&next=//evil.example/")
    assert response["Location"] == "/"


def test_signing_out_on_a_national_site_signs_out_there(network, people, main_site):
    national = Client(HTTP_HOST=BJ)
    national.get(complete_url(login(people.member)))
    assert signed_in(national)
    response = national.post("/accounts/logout/")
    assert response.status_code == 302
    assert not signed_in(national)


def test_the_header_s_sign_in_link_on_a_national_site_is_the_hand_off(
    network, main_site
):
    html = Client(HTTP_HOST=BJ).get("/").content.decode()
    assert 'href="/national/sign-in/?next=%2F"' in html
    assert 'href="http://localhost:8000/accounts/signup/"' in html
    assert 'href="/accounts/login/"' in Client().get("/").content.decode()
