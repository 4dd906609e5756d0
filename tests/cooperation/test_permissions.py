"""Who may create, edit and close a request: the country's focal points and
national editors, and Secretariat staff; nobody else."""

import pytest

from cooperation.models import CooperationOffer, CooperationRequest, Status

from ..factories import make_offer, make_request, request_form

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["focal_benin", "editor_benin", "staff"])
def test_focal_points_national_editors_and_staff_ask_for_benin(
    client, network, people, subjects, role
):
    client.force_login(getattr(people, role))
    assert client.get("/cooperation/requests/new/").status_code == 200
    response = client.post(
        "/cooperation/requests/new/", request_form(network.benin, [subjects.forest])
    )
    assert response.status_code == 302
    assert CooperationRequest.objects.get().requested_by == getattr(people, role)


@pytest.mark.parametrize("role", ["member", "moderator"])
def test_members_and_moderators_cannot_ask_on_behalf_of_a_country(
    client, network, people, subjects, role
):
    client.force_login(getattr(people, role))
    assert client.get("/cooperation/requests/new/").status_code == 403
    response = client.post(
        "/cooperation/requests/new/", request_form(network.benin, [subjects.forest])
    )
    assert response.status_code == 403
    assert not CooperationRequest.objects.exists()


def test_visitors_are_sent_to_sign_in_before_asking(client, network):
    response = client.get("/cooperation/requests/new/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_ask_button_shows_only_to_those_who_may_ask(client, people):
    client.force_login(people.member)
    assert "Ask for help" not in client.get("/cooperation/").content.decode()
    client.force_login(people.focal_kenya)
    assert "Ask for help" in client.get("/cooperation/").content.decode()


@pytest.mark.parametrize(
    "role,allowed",
    [
        ("focal_benin", True),
        ("editor_benin", True),
        ("staff", True),
        ("focal_kenya", False),
        ("moderator", False),
        ("member", False),
    ],
)
def test_only_benin_and_the_secretariat_edit_move_and_close_benin_requests(
    client, network, people, subjects, role, allowed
):
    coop = make_request(people.focal_benin, network.benin, [subjects.forest])
    client.force_login(getattr(people, role))
    edit = client.get(f"/cooperation/requests/{coop.pk}/edit/")
    assert edit.status_code == (200 if allowed else 403)
    page = client.get(coop.get_absolute_url()).content.decode()
    assert (f"/cooperation/requests/{coop.pk}/edit/" in page) is allowed
    moved = client.post(
        f"/cooperation/requests/{coop.pk}/status/", {"status": "discussion"}
    )
    assert moved.status_code == (302 if allowed else 403)
    coop.refresh_from_db()
    assert coop.status == (Status.DISCUSSION if allowed else Status.OPEN)
    close = client.get(f"/cooperation/requests/{coop.pk}/close/")
    assert close.status_code == (200 if allowed else 403)


def test_anyone_signed_in_may_offer_help_and_only_they_or_staff_edit_it(
    client, people, subjects
):
    offer = make_offer(people.member, [subjects.forest])
    for someone, status in [
        (people.member, 200),
        (people.staff, 200),
        (people.focal_benin, 403),
        (people.moderator, 403),
    ]:
        client.force_login(someone)
        assert client.get(f"/cooperation/offers/{offer.pk}/edit/").status_code == status
    client.force_login(people.focal_kenya)
    response = client.post(
        f"/cooperation/offers/{offer.pk}/availability/", {"available": "0"}
    )
    assert response.status_code == 403
    assert CooperationOffer.objects.get().is_active


def test_only_a_countrys_focal_point_or_editor_offers_on_its_behalf(
    client, network, people, subjects
):
    data = {
        "title": "Kenyan expertise",
        "description": "Forest inventories.",
        "provider_kind": "country",
        "country": network.kenya.pk,
        "assistance_types": ["expertise"],
        "subjects": [subjects.forest.pk],
        "languages": ["en"],
    }
    client.force_login(people.focal_benin)
    response = client.post("/cooperation/offers/new/", data)
    assert response.status_code == 403
    assert "on its behalf" in response.content.decode()
    assert not CooperationOffer.objects.exists()
    client.force_login(people.focal_kenya)
    assert client.post("/cooperation/offers/new/", data).status_code == 302
    assert CooperationOffer.objects.get().provider_name() == "Kenya"


def test_staff_without_two_factor_cannot_edit_a_request_until_they_enrol(
    client, network, people, subjects
):
    """Issue #19: a Secretariat password alone used to edit any country's request."""
    from ..factories import UserFactory, enrol_in_two_factor

    coop = make_request(people.focal_benin, network.benin, [subjects.forest])
    staff = UserFactory(is_staff=True, authenticator=False)
    client.force_login(staff)
    form = request_form(network.benin, [subjects.forest], title="Taken over")
    assert client.get(f"/cooperation/requests/{coop.pk}/edit/").status_code == 403
    assert client.post(f"/cooperation/requests/{coop.pk}/edit/", form).status_code == (
        403
    )
    coop.refresh_from_db()
    assert coop.title != "Taken over"

    enrol_in_two_factor(staff)
    assert client.post(f"/cooperation/requests/{coop.pk}/edit/", form).status_code == (
        302
    )
    coop.refresh_from_db()
    assert coop.title == "Taken over"
