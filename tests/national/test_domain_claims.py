"""A country's focal point asks for a domain of its own; the Secretariat
decides in the admin; a domain is one country's only."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from national.claims import decide, request_domain
from national.models import DomainClaim

from ..factories import login

pytestmark = pytest.mark.shared_world("people")

URL = "/national/bj/domain/"


def test_benin_s_focal_point_asks_for_a_domain(network, people):
    response = login(people.focal_benin).post(URL, {"hostname": "CHM.gouv.bj."})
    assert response.status_code == 302
    claim = DomainClaim.objects.get()
    assert (claim.hostname, claim.country, claim.status) == (
        "chm.gouv.bj",
        network.benin,
        DomainClaim.Status.REQUESTED,
    )
    assert claim.requested_by == people.focal_benin


@pytest.mark.parametrize("role", ["member", "focal_kenya", "editor_benin"])
def test_only_benin_s_focal_points_ask_for_benin_s_domain(network, people, role):
    response = login(getattr(people, role)).post(URL, {"hostname": "chm.gouv.bj"})
    assert response.status_code == 403
    assert not DomainClaim.objects.exists()


def test_a_visitor_is_asked_to_sign_in(client, network):
    response = client.post(URL, {"hostname": "chm.gouv.bj"})
    assert response.status_code == 302
    assert not DomainClaim.objects.exists()


@pytest.mark.parametrize(
    "hostname",
    [
        "not a domain",
        "localhost",
        "bj",
        "-bad.example",
        "ke.localhost",
        "localhost.",
        "127.0.0.1",
        "testserver",
        "a" * 64 + ".example",
    ],
)
def test_a_domain_that_is_not_one_of_the_country_s_own_is_a_form_error(
    network, people, hostname
):
    response = login(people.focal_benin).post(URL, {"hostname": hostname})
    assert response.status_code == 200
    assert response.context["form"].errors["hostname"]
    assert not DomainClaim.objects.exists()


def test_a_domain_claimed_by_one_country_cannot_be_claimed_by_another(network, people):
    request_domain(people.focal_benin, network.benin, "chm.gouv.bj")
    response = login(people.focal_kenya).post(
        "/national/ke/domain/", {"hostname": "chm.gouv.bj"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["hostname"]
    with pytest.raises(ValidationError):
        request_domain(people.focal_kenya, network.kenya, "chm.gouv.bj")
    assert DomainClaim.objects.count() == 1


def test_an_approved_domain_stays_its_country_s(network, people):
    claim = request_domain(people.focal_benin, network.benin, "chm.gouv.bj")
    decide(people.staff, claim, DomainClaim.Status.APPROVED)
    with pytest.raises(ValidationError):
        request_domain(people.focal_kenya, network.kenya, "chm.gouv.bj")


def test_a_refused_domain_is_free_again(network, people):
    claim = request_domain(people.focal_benin, network.benin, "chm.example.org")
    decide(people.staff, claim, DomainClaim.Status.REFUSED)
    assert request_domain(people.focal_kenya, network.kenya, "chm.example.org")


@pytest.mark.parametrize("role", ["member", "focal_benin", "moderator"])
def test_only_the_secretariat_decides(network, people, role):
    claim = request_domain(people.focal_benin, network.benin, "chm.gouv.bj")
    with pytest.raises(PermissionDenied):
        decide(getattr(people, role), claim, DomainClaim.Status.APPROVED)


def test_the_secretariat_approves_in_the_admin(network, people):
    claim = request_domain(people.focal_benin, network.benin, "chm.gouv.bj")
    url = f"/admin/snippets/national/domainclaim/edit/{claim.pk}/"
    staff = login(people.staff)
    assert staff.get("/admin/snippets/national/domainclaim/").status_code == 200
    assert staff.get(url).status_code == 200
    response = staff.post(url, {"status": "approved"})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == DomainClaim.Status.APPROVED
    assert claim.decided_by == people.staff
    assert claim.decided_at is not None


def test_a_focal_point_cannot_decide_in_the_admin(network, people):
    claim = request_domain(people.focal_benin, network.benin, "chm.gouv.bj")
    url = f"/admin/snippets/national/domainclaim/edit/{claim.pk}/"
    response = login(people.focal_benin).post(url, {"status": "approved"})
    assert response.status_code in (302, 403)
    claim.refresh_from_db()
    assert claim.status == DomainClaim.Status.REQUESTED


def test_the_country_page_shows_its_focal_point_the_national_site(network, people):
    html = login(people.focal_benin).get("/africa/benin/").content.decode()
    assert 'href="/national/bj/domain/"' in html
    assert "bj.localhost" in html
    member_html = login(people.member).get("/africa/benin/").content.decode()
    assert "/national/bj/domain/" not in member_html
