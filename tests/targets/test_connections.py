"""National targets and the rest of the network: a request citing them ranks
offers of their subjects first and says why; an off-track target suggests
toolkits and experts; followers of a global target hear of new targets and
status changes; the API describes and serves them."""

from datetime import date

import pytest

from cooperation.matching import matching_experts, matching_offers
from notifications.models import Notification, Subscription, WatchLevel
from targets.editing import record_progress
from targets.models import GlobalTarget

from ..factories import (
    UserFactory,
    login,
    make_offer,
    make_request,
    make_target,
    provider,
    request_form,
)

pytestmark = pytest.mark.django_db


def test_a_request_citing_a_target_ranks_the_offer_with_its_subjects_first(
    client, network, people, subjects
):
    # Target 6 is about invasive alien species; the request itself is about
    # forests only.
    target = make_target(
        people.focal_benin,
        network.benin,
        title="Control water hyacinth",
        full_targets=[6],
    )
    forest_only = make_offer(
        provider(network.kenya), [subjects.forest], title="Forest help"
    )
    both = make_offer(
        provider(network.kenya), [subjects.forest, subjects.ias], title="IAS help"
    )
    coop = make_request(
        people.focal_benin,
        network.benin,
        [subjects.forest],
        national_targets=[target],
    )
    ranked = matching_offers(coop)
    assert [m.provider for m in ranked] == [both, forest_only]
    reason = (
        "Serves the national target “Control water hyacinth”: Invasive alien species"
    )
    assert reason in ranked[0].reasons
    assert reason not in ranked[1].reasons
    page = client.get(coop.get_absolute_url()).content.decode()
    assert reason in page
    assert page.index("IAS help") < page.index("Forest help")


def test_an_expert_of_a_cited_target_subject_is_found_with_the_reason(
    network, people, subjects
):
    target = make_target(
        people.focal_benin, network.benin, title="Mangroves", full_targets=[6]
    )
    expert = UserFactory(username="ias.expert", listed_in_directory=True)
    expert.expertise.add(subjects.ias.tag)
    coop = make_request(
        people.focal_benin, network.benin, [subjects.forest], national_targets=[target]
    )
    ranked = matching_experts(coop)
    assert [m.provider for m in ranked] == [expert]
    assert any("Mangroves" in reason for reason in ranked[0].reasons)


def test_the_request_form_cites_only_its_country_published_targets(
    network, people, subjects
):
    own = make_target(people.focal_benin, network.benin, title="Own")
    draft = make_target(people.focal_benin, network.benin, published=False)
    kenyan = make_target(people.focal_kenya, network.kenya, title="Kenyan")
    client = login(people.focal_benin)
    page = client.get("/cooperation/requests/new/").content.decode()
    assert "Own" in page and "Kenyan" not in page
    for other in (draft, kenyan):
        response = client.post(
            "/cooperation/requests/new/",
            request_form(network.benin, [subjects.forest], national_targets=[other.pk]),
        )
        assert response.status_code == 400
        assert "Unknown national target." in response.content.decode()
    response = client.post(
        "/cooperation/requests/new/",
        request_form(network.benin, [subjects.forest], national_targets=[own.pk]),
    )
    assert response.status_code == 302


def test_an_off_track_target_suggests_toolkits_and_experts_for_its_subjects(
    client, network, people, subjects
):
    expert = UserFactory(username="pa.expert", listed_in_directory=True)
    expert.expertise.add(subjects.pa.tag)
    target = make_target(people.focal_benin, network.benin, status="on_track")
    page = client.get(target.get_absolute_url()).content.decode()
    assert "who and what could help" not in page
    record_progress(
        people.focal_benin, target, date=date(2024, 1, 1), status="off_track"
    )
    page = client.get(target.get_absolute_url()).content.decode()
    assert "who and what could help" in page
    assert expert.get_absolute_url() in page


def test_followers_of_a_global_target_hear_of_new_targets_and_status_changes(
    network, people, subjects, django_capture_on_commit_callbacks
):
    follower = UserFactory(username="follower")
    other = UserFactory(username="other")
    three = GlobalTarget.objects.get(number=3)
    response = login(follower).post(
        f"/notifications/follow/global-target/{three.pk}/", {"level": "watching"}
    )
    assert response.status_code in (200, 302)
    assert Subscription.objects.filter(
        user=follower, object_id=three.pk, level=WatchLevel.WATCHING
    ).exists()
    with django_capture_on_commit_callbacks(execute=True):
        target = make_target(people.focal_benin, network.benin, published=False)
    assert not Notification.objects.filter(recipient=follower).exists()
    with django_capture_on_commit_callbacks(execute=True):
        from targets.editing import publish_target

        publish_target(people.focal_benin, target)
    with django_capture_on_commit_callbacks(execute=True):
        record_progress(
            people.focal_benin, target, date=date(2024, 1, 1), status="off_track"
        )
    kinds = list(
        Notification.objects.filter(recipient=follower)
        .order_by("pk")
        .values_list("kind", flat=True)
    )
    assert kinds == ["target_new", "target_status"]
    assert not Notification.objects.filter(recipient=other).exists()
    assert not Notification.objects.filter(recipient=people.focal_benin).exists()


def test_the_api_serves_published_targets_with_progress_and_refuses_bad_filters(
    client, network, people, subjects
):
    target = make_target(people.focal_benin, network.benin, title="API target")
    record_progress(
        people.focal_benin, target, date=date(2024, 1, 1), status="on_track"
    )
    data = client.get("/api/v2/targets/?country=BJ&target=3").json()
    assert data["meta"]["total_count"] == 1
    item = data["items"][0]
    assert item["title"] == {"en": "API target"}
    assert item["global_targets"] == [{"number": 3, "contribution": "full"}]
    assert item["progress"][0]["status"] == "on_track"
    for bad in ("?country=BEN", "?target=30", "?status=done", "?colour=red"):
        assert client.get("/api/v2/targets/" + bad).status_code == 400
    paths = client.get("/api/openapi.json").json()["paths"]
    assert "/api/v2/targets/" in paths and "/api/v2/targets/{id}/" in paths
