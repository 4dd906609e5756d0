"""A request from open to closed case study, through the pages a focal point uses."""

import pytest

from cooperation.models import CooperationRequest, RequestEvent, Status
from forum.models import Topic

from ..factories import later, make_offer, make_request, provider, request_form

pytestmark = pytest.mark.django_db


def test_a_request_goes_from_open_to_a_public_case_study(
    client, network, people, subjects, django_capture_on_commit_callbacks
):
    helper = provider(network.kenya)
    offer = make_offer(helper, [subjects.ias], languages=["fr", "en"])

    client.force_login(people.focal_benin)
    response = client.post(
        "/cooperation/requests/new/", request_form(network.benin, [subjects.ias])
    )
    coop = CooperationRequest.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/cooperation/requests/{coop.pk}/"
    assert coop.status == Status.OPEN and coop.country == network.benin
    # Its discussion is a topic of the South–South cooperation forum.
    topic = Topic.objects.get(pk=coop.topic_id)
    assert topic.forum.slug == "south-south-cooperation"
    assert topic.forum.name == "South–South cooperation"
    page = client.get(coop.get_absolute_url()).content.decode()
    assert "Help with mapping" in page and "Same CBD subjects" in page
    assert topic.get_absolute_url() in page

    client.force_login(helper)
    client.post(
        f"/cooperation/requests/{coop.pk}/interest/",
        {"message": "We can map it in April.", "offer": offer.pk},
    )
    coop.refresh_from_db()
    assert coop.status == Status.DISCUSSION

    client.force_login(people.editor_benin)
    client.post(f"/cooperation/requests/{coop.pk}/select/", {"offer": offer.pk})
    coop.refresh_from_db()
    assert coop.status == Status.MATCHED and coop.selected_offer == offer

    assert (
        client.get("/cooperation/case-studies/").content.decode().count(coop.title) == 0
    )
    client.force_login(people.focal_benin)
    response = client.post(
        f"/cooperation/requests/{coop.pk}/close/",
        {
            "outcome": "The river is mapped.",
            "lessons_learned": "Start in the dry season.",
        },
    )
    assert response.status_code == 302
    coop.refresh_from_db()
    assert coop.status == Status.CLOSED and coop.closed_at is not None

    cases = client.get("/cooperation/case-studies/").content.decode()
    assert coop.title in cases
    client.logout()
    page = client.get(coop.get_absolute_url()).content.decode()
    assert "Start in the dry season." in page and "Lessons learned" in page
    assert list(coop.events.values_list("kind", flat=True)) == [
        RequestEvent.Kind.OPENED,
        RequestEvent.Kind.INTEREST,
        RequestEvent.Kind.SELECTED,
        RequestEvent.Kind.CLOSED,
    ]
    feed = client.get("/feeds/cooperation/case-studies.rss").content.decode()
    assert coop.title in feed and "Start in the dry season." in feed


def test_a_request_can_be_withdrawn_and_then_no_longer_changes(
    client, network, people, subjects
):
    coop = make_request(people.focal_benin, network.benin, [subjects.forest])
    client.force_login(people.focal_benin)
    client.post(f"/cooperation/requests/{coop.pk}/status/", {"status": "withdrawn"})
    coop.refresh_from_db()
    assert coop.status == Status.WITHDRAWN
    response = client.post(
        f"/cooperation/requests/{coop.pk}/status/", {"status": "open"}
    )
    assert response.status_code == 400
    assert "cannot become" in response.content.decode()
    coop.refresh_from_db()
    assert coop.status == Status.WITHDRAWN


def test_a_national_editor_edits_the_request_and_the_trail_says_so(
    client, network, people, subjects
):
    coop = make_request(people.focal_benin, network.benin, [subjects.forest])
    client.force_login(people.editor_benin)
    form = request_form(network.kenya, [subjects.forest, subjects.ias])
    form["title"] = "Mapping and controlling water hyacinth"
    response = client.post(f"/cooperation/requests/{coop.pk}/edit/", form)
    assert response.status_code == 302
    coop.refresh_from_db()
    assert coop.title == "Mapping and controlling water hyacinth"
    assert coop.country == network.benin  # the country field cannot move it
    assert set(coop.subjects.all()) == {subjects.forest, subjects.ias}
    assert coop.events.last().kind == RequestEvent.Kind.EDITED

    form["deadline"] = later(-2).isoformat()
    response = client.post(f"/cooperation/requests/{coop.pk}/edit/", form)
    assert response.status_code == 400
    assert "The deadline is in the past." in response.content.decode()
    coop.refresh_from_db()
    assert coop.deadline == later()
