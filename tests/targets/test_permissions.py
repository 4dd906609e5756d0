"""Only Benin's focal points and national editors write Benin's targets; a
focal point publishes; a draft is seen by them alone, on every channel."""

import pytest

from targets.models import NationalTarget, Publication

from ..factories import login, make_target, target_form

pytestmark = pytest.mark.django_db


def _create(client, network):
    return client.post(
        f"/targets/{network.benin.iso_code.lower()}/new/",
        target_form(title="Benin's own target"),
    )


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("member", False),
        ("focal_kenya", False),
        ("moderator", False),
        ("editor_benin", True),
        ("focal_benin", True),
        ("staff", True),
    ],
)
def test_only_benin_focal_points_editors_and_staff_write_benin_targets(
    network, people, subjects, role, allowed
):
    client = login(getattr(people, role))
    response = _create(client, network)
    created = NationalTarget.objects.filter(country=network.benin).first()
    if allowed:
        assert response.status_code == 302
        assert created is not None and created.publication == Publication.DRAFT
        assert client.get(f"/targets/bj/{created.pk}/edit/").status_code == 200
    else:
        assert response.status_code == 403
        assert created is None


def test_anonymous_visitors_are_sent_to_sign_in(client, network, subjects):
    response = _create(client, network)
    assert response.status_code == 302 and "login" in response["Location"]
    assert not NationalTarget.objects.exists()


@pytest.mark.parametrize(
    ("role", "status"),
    [("focal_kenya", 404), ("member", 404), ("editor_benin", 200)],
)
def test_others_cannot_edit_or_record_progress_on_benin_targets(
    network, people, subjects, role, status
):
    target = make_target(people.focal_benin, network.benin, published=False)
    client = login(getattr(people, role))
    assert client.get(f"/targets/bj/{target.pk}/edit/").status_code == status
    assert client.get(f"/targets/bj/{target.pk}/progress/").status_code == status


def test_a_published_target_still_refuses_other_countries_editors(
    network, people, subjects
):
    target = make_target(people.focal_benin, network.benin)
    client = login(people.focal_kenya)
    assert client.get(f"/targets/bj/{target.pk}/").status_code == 200
    assert client.get(f"/targets/bj/{target.pk}/edit/").status_code == 403
    response = client.post(
        f"/targets/bj/{target.pk}/progress/",
        {"date": "2025-01-01", "status": "achieved"},
    )
    assert response.status_code == 403
    target.refresh_from_db()
    assert target.status == "in_progress" and not target.updates.exists()


def test_an_editor_submits_and_only_a_focal_point_publishes(network, people, subjects):
    target = make_target(people.editor_benin, network.benin, published=False)
    editor = login(people.editor_benin)
    url = f"/targets/bj/{target.pk}/publication/"
    assert editor.post(url, {"action": "submit"}).status_code == 302
    assert editor.post(url, {"action": "publish"}).status_code == 403
    target.refresh_from_db()
    assert target.publication == Publication.SUBMITTED
    assert login(people.focal_kenya).post(url, {"action": "publish"}).status_code == 404
    assert login(people.focal_benin).post(url, {"action": "publish"}).status_code == 302
    target.refresh_from_db()
    assert target.publication == Publication.PUBLISHED


def test_a_draft_is_invisible_to_others_in_pages_api_search_feeds_and_exports(
    client, network, people, subjects
):
    draft = make_target(
        people.focal_benin, network.benin, published=False, title="Secret draft"
    )
    public = make_target(people.focal_benin, network.benin, title="Public target")
    from targets.editing import record_progress

    for target in (draft, public):
        record_progress(
            people.focal_benin,
            target,
            date=target.created_at.date(),
            status="on_track",
            note=f"Progress of {target.title}",
        )
    readers = {
        "anonymous": client,
        "member": login(people.member),
        "focal_kenya": login(people.focal_kenya),
    }
    addresses = [
        "/targets/bj/",
        "/gbf/targets/3/",
        "/gbf/national-targets/",
        "/api/v2/targets/",
        "/api/v2/targets/?country=bj",
        "/feeds/targets/progress.rss",
        "/feeds/targets/bj/progress.atom",
        "/feeds/gbf/targets/3/progress.rss",
        "/targets/bj/national-targets.csv",
        "/targets/bj/national-targets.json",
        "/gbf/national-targets.csv",
        "/gbf/national-targets.json",
        "/search/?q=Secret",
    ]
    for name, reader in readers.items():
        for address in addresses:
            response = reader.get(address)
            assert response.status_code == 200, (name, address)
            body = response.content.decode()
            assert "Secret draft" not in body, (name, address)
        assert "Public target" in reader.get("/targets/bj/").content.decode()
        assert reader.get(f"/targets/bj/{draft.pk}/").status_code == 404
        assert reader.get(f"/api/v2/targets/{draft.pk}/").status_code == 404
        assert reader.get(f"/api/v2/targets/{public.pk}/").status_code == 200
    # Benin's own people see it.
    for keeper in (people.focal_benin, people.editor_benin):
        page = login(keeper).get("/targets/bj/").content.decode()
        assert "Secret draft" in page


def test_national_host_serves_only_its_own_country_targets(network, people, subjects):
    from django.test import Client

    make_target(people.focal_benin, network.benin, title="Benin target")
    client = Client(HTTP_HOST="bj.localhost")
    response = client.get("/targets/bj/")
    assert response.status_code == 200
    assert "Benin target" in response.content.decode()
    assert client.get("/targets/ke/").status_code == 404


def test_the_site_search_finds_published_targets_and_never_drafts(
    client, network, people, subjects
):
    make_target(
        people.focal_benin,
        network.benin,
        code="T7",
        title="Mangrove restoration along the coast",
    )
    make_target(
        people.focal_benin,
        network.benin,
        code="T8",
        title="Mangrove nurseries draft",
        published=False,
    )
    import re

    def text(response) -> str:  # the words found are highlighted with <mark>
        return re.sub(r"</?mark>", "", response.content.decode())

    for reader in (client, login(people.member), login(people.focal_benin)):
        body = text(reader.get("/search/?q=mangrove"))
        assert "Mangrove restoration along the coast" in body
        assert "/targets/bj/" in body
        assert "nurseries" not in body
    only = text(client.get("/search/?q=mangrove&kind=national-targets"))
    assert "Mangrove restoration along the coast" in only
