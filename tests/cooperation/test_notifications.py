"""Matching providers and experts hear of a new request once; the requester
hears of new matching offers; the people involved hear of each step."""

import pytest

from cooperation import tasks
from cooperation.events import COOP_OFFER, COOP_REQUEST, COOP_UPDATE
from cooperation.follow_up import change_status, express_interest
from notifications.models import Notification

from ..factories import UserFactory, make_offer, make_request, provider

pytestmark = pytest.mark.django_db


def notes(user, kind):
    return list(Notification.objects.filter(recipient=user, kind=kind))


def test_a_new_request_notifies_matching_providers_and_experts_once(
    network, people, subjects, django_capture_on_commit_callbacks
):
    helper = provider(network.kenya)
    make_offer(helper, [subjects.forest], title="Forest mapping")
    make_offer(helper, [subjects.forest, subjects.ias], title="Forest training")
    other = provider(network.kenya)
    make_offer(other, [subjects.marine], title="Coral reefs")
    expert = UserFactory(country=network.fiji, languages=["fr"])
    expert.expertise.add(subjects.forest.tag)

    with django_capture_on_commit_callbacks(execute=True):
        coop = make_request(people.focal_benin, network.benin, [subjects.forest])

    for reached in (helper, expert):
        [note] = notes(reached, COOP_REQUEST)
        assert note.title == f"Benin asks for help: {coop.title}"
        assert note.url == coop.get_absolute_url()
    assert notes(other, COOP_REQUEST) == []
    assert notes(people.focal_benin, COOP_REQUEST) == []
    # The fan-out running again (a retried task) notifies nobody twice.
    tasks.request_opened.call(coop.pk)
    assert len(notes(helper, COOP_REQUEST)) == 1


def test_a_new_matching_offer_notifies_the_requester(
    network, people, subjects, django_capture_on_commit_callbacks
):
    coop = make_request(people.focal_benin, network.benin, [subjects.ias])
    with django_capture_on_commit_callbacks(execute=True):
        offer = make_offer(provider(network.kenya), [subjects.ias], title="Weevils")
        make_offer(provider(network.kenya), [subjects.marine], title="Reefs")
    [note] = notes(people.focal_benin, COOP_OFFER)
    assert offer.title in note.title and coop.title in note.title
    assert note.url == coop.get_absolute_url()


def test_each_step_of_the_request_reaches_the_people_involved(
    network, people, subjects, django_capture_on_commit_callbacks
):
    coop = make_request(people.focal_benin, network.benin, [subjects.forest])
    with django_capture_on_commit_callbacks(execute=True):
        express_interest(people.member, coop, "I can help.")
    [note] = notes(people.focal_benin, COOP_UPDATE)
    assert coop.title in note.title
    assert notes(people.member, COOP_UPDATE) == []  # their own step
    with django_capture_on_commit_callbacks(execute=True):
        change_status(people.editor_benin, coop, "withdrawn", "Solved locally.")
    assert len(notes(people.member, COOP_UPDATE)) == 1
    assert "Withdrawn" in notes(people.member, COOP_UPDATE)[0].title
    assert len(notes(people.focal_benin, COOP_UPDATE)) == 2
