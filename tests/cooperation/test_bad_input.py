"""Bad input gets a clear error and leaves nothing half-saved."""

import pytest

from cooperation.follow_up import change_status, close_request, select_provider
from cooperation.models import CooperationOffer, CooperationRequest, Status
from core.refusals import Refusal
from forum.models import Topic

from ..factories import (
    later,
    make_offer,
    make_request,
    make_subject,
    request_draft,
    request_form,
)

pytestmark = pytest.mark.django_db


def nothing_saved():
    return not CooperationRequest.objects.exists() and not Topic.objects.exists()


@pytest.mark.parametrize(
    "change,message",
    [
        ({"deadline": later(-1).isoformat()}, "The deadline is in the past."),
        (
            {"start_date": later(90).isoformat(), "deadline": later(30).isoformat()},
            "The desired start is after the deadline.",
        ),
        ({"subjects": ["999999"]}, "Unknown CBD subject."),
        ({"subjects": ["forest"]}, "Unknown CBD subject."),
        ({"assistance_types": ["weapons"]}, "Unknown type of assistance: weapons."),
        ({"languages": ["xx"]}, "Unknown language: xx."),
        ({"assistance_types": []}, "Choose at least one type of assistance."),
    ],
)
def test_a_request_with_bad_fields_is_refused_with_a_clear_error(
    client, network, people, subjects, change, message
):
    client.force_login(people.focal_benin)
    response = client.post(
        "/cooperation/requests/new/",
        request_form(network.benin, [subjects.forest], **change),
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert nothing_saved()


def test_a_request_for_another_country_is_refused(client, network, people, subjects):
    client.force_login(people.focal_benin)
    response = client.post(
        "/cooperation/requests/new/", request_form(network.kenya, [subjects.forest])
    )
    assert response.status_code == 400
    assert "only on behalf of a country where you are" in response.content.decode()
    assert nothing_saved()


def test_the_write_functions_refuse_what_the_forms_refuse(network, people, subjects):
    """The admin, commands and tests call the functions directly."""
    with pytest.raises(Refusal, match="only on behalf"):
        make_request(people.focal_benin, network.kenya, [subjects.forest])
    with pytest.raises(Refusal, match="deadline is in the past"):
        make_request(
            people.focal_benin, network.benin, [subjects.forest], deadline=later(-3)
        )
    with pytest.raises(Refusal, match="Unknown type"):
        make_request(
            people.focal_benin,
            network.benin,
            [subjects.forest],
            assistance_types=["bribes"],
        )
    with pytest.raises(Refusal, match="Unknown CBD subject"):
        make_request(people.focal_benin, network.benin, ["forest"])
    assert nothing_saved()


def test_a_forum_refusal_rolls_the_whole_request_back(network, people, subjects):
    from cooperation.discussions import cooperation_forum
    from cooperation.requesting import create_request

    make_request(people.focal_benin, network.benin, [subjects.forest])
    # The Secretariat closed the forum: it refuses the second request's topic.
    forum = cooperation_forum()
    forum.is_locked = True
    forum.save()
    with pytest.raises(Refusal, match="closed"):
        create_request(
            people.focal_benin,
            request_draft(network.benin, [subjects.forest], title="Another"),
        )
    assert CooperationRequest.objects.count() == 1
    assert Topic.objects.count() == 1


def test_a_duplicate_offer_is_refused_with_a_clear_error(client, people, subjects):
    make_offer(people.member, [subjects.forest], title="Forest training")
    client.force_login(people.member)
    response = client.post(
        "/cooperation/offers/new/",
        {
            "title": "forest TRAINING",
            "description": "Again.",
            "provider_kind": "member",
            "assistance_types": ["training"],
            "subjects": [subjects.forest.pk],
            "languages": ["en"],
        },
    )
    assert response.status_code == 400
    assert "already have an available offer with this title" in (
        response.content.decode()
    )
    assert CooperationOffer.objects.count() == 1


def test_status_jumps_that_skip_the_life_cycle_are_refused(
    client, network, people, subjects
):
    coop = make_request(people.focal_benin, network.benin, [subjects.forest])
    offer = make_offer(people.member, [subjects.forest])
    with pytest.raises(Refusal, match="cannot become"):
        select_provider(people.focal_benin, coop, offer)  # open → matched
    with pytest.raises(Refusal, match="cannot become"):
        close_request(people.focal_benin, coop, "Done.", "Learned.")  # open → closed
    with pytest.raises(Refusal, match="Select the provider"):
        change_status(people.focal_benin, coop, Status.DISCUSSION)
        change_status(people.focal_benin, coop, Status.MATCHED)
    client.force_login(people.focal_benin)
    response = client.post(
        f"/cooperation/requests/{coop.pk}/close/",
        {"outcome": "Done", "lessons_learned": "Learned"},
    )
    assert response.status_code == 400
    assert "cannot become" in response.content.decode()
    response = client.post(
        f"/cooperation/requests/{coop.pk}/status/", {"status": "closed"}
    )
    assert response.status_code == 400  # not a choice of the form: a clear error
    coop.refresh_from_db()
    assert coop.status == Status.DISCUSSION and coop.outcome == ""
    assert coop.selected_offer is None


def test_closing_needs_an_outcome_and_lessons(client, network, people, subjects):
    coop = make_request(people.focal_benin, network.benin, [subjects.forest])
    offer = make_offer(people.member, [subjects.forest])
    change_status(people.focal_benin, coop, Status.DISCUSSION)
    select_provider(people.focal_benin, coop, offer)
    client.force_login(people.focal_benin)
    response = client.post(
        f"/cooperation/requests/{coop.pk}/close/",
        {"outcome": "  ", "lessons_learned": ""},
    )
    assert response.status_code == 400
    coop.refresh_from_db()
    assert coop.status == Status.MATCHED


def test_expressing_interest_twice_is_refused(client, network, people, subjects):
    coop = make_request(people.focal_benin, network.benin, [subjects.forest])
    client.force_login(people.member)
    url = f"/cooperation/requests/{coop.pk}/interest/"
    assert client.post(url, {"message": "I can help."}).status_code == 302
    response = client.post(url, {"message": "Me again."})
    assert response.status_code == 400
    assert "already expressed your interest" in response.content.decode()
    assert coop.interests.count() == 1


def test_someone_elses_offer_cannot_be_proposed(client, network, people, subjects):
    coop = make_request(people.focal_benin, network.benin, [subjects.forest])
    offer = make_offer(people.focal_kenya, [subjects.forest])
    client.force_login(people.member)
    client.post(
        f"/cooperation/requests/{coop.pk}/interest/",
        {"message": "Take theirs.", "offer": offer.pk},
    )
    assert not coop.interests.exists()


@pytest.mark.parametrize(
    "query",
    ["status=lost", "subject=nope", "region=mars", "type=bribes", "language=xx"],
)
def test_unknown_filters_are_answered_with_400(client, db, query):
    response = client.get(f"/cooperation/?{query}")
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_unknown_requests_offers_and_feeds_are_404(client, db):
    assert client.get("/cooperation/requests/999/").status_code == 404
    assert client.get("/cooperation/offers/999/").status_code == 404
    assert client.get("/feeds/cooperation/requests/subjects/nope.rss").status_code == (
        404
    )
    assert client.get("/feeds/cooperation/offers/regions/mars.atom").status_code == 404


def test_the_requester_cannot_express_interest_in_their_own_request(
    client, network, people, subjects
):
    coop = make_request(people.focal_benin, network.benin, [subjects.forest])
    client.force_login(people.focal_benin)
    assert "I can help" not in client.get(coop.get_absolute_url()).content.decode()
    response = client.post(
        f"/cooperation/requests/{coop.pk}/interest/", {"message": "Me!"}
    )
    assert response.status_code == 400
    assert "your own request" in response.content.decode()
    coop.refresh_from_db()
    assert coop.status == Status.OPEN and not coop.interests.exists()


def test_a_request_takes_at_most_five_subjects(network, people, subjects):
    """Each subject tags the request's forum topic and reaches its followers."""
    many = [make_subject(f"CBD-SUBJECT-X{n}", f"Subject {n}") for n in range(6)]
    with pytest.raises(Refusal, match="At most 5 tags"):
        make_request(people.focal_benin, network.benin, many)
    assert nothing_saved()
