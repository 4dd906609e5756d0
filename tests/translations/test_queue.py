"""The needs-translation queue in the Wagtail admin."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Page

from translations import queue

from ..factories import translate_page


def publish_later(page, when):
    """Publish a new revision of `page` as if at `when`."""
    page.save_revision().publish()
    Page.objects.filter(pk=page.pk).update(last_published_at=when)


def reasons(locale) -> dict[str, str]:
    return {page.title: page.reason for page in queue.needs_translation(locale)}


def test_pages_without_translation_are_listed_for_each_language(network, locales):
    translate_page(network.benin, locales["fr"], title="Bénin")
    french = reasons(locales["fr"])
    assert "Benin" not in french
    assert french["Kenya"] == queue.MISSING
    assert reasons(locales["ar"])["Benin"] == queue.MISSING


def test_a_translation_older_than_its_source_change_is_listed_as_outdated(
    network, locales
):
    translate_page(network.benin, locales["fr"], title="Bénin")
    assert "Benin" not in reasons(locales["fr"])
    publish_later(network.benin, timezone.now() + timedelta(minutes=5))
    assert reasons(locales["fr"])["Benin"] == queue.OUTDATED
    # Other languages are not concerned by what happened in French.
    assert reasons(locales["es"])["Benin"] == queue.MISSING


def test_a_translation_updated_after_its_source_leaves_the_queue(network, locales):
    french = translate_page(network.benin, locales["fr"], title="Bénin")
    publish_later(network.benin, timezone.now() + timedelta(minutes=5))
    publish_later(french, timezone.now() + timedelta(minutes=10))
    assert "Benin" not in reasons(locales["fr"])


def test_an_unpublished_translation_is_listed(network, locales):
    draft = network.kenya.copy_for_translation(locales["fr"], copy_parents=True)
    assert not draft.live
    assert reasons(locales["fr"])["Kenya"] == queue.UNPUBLISHED


def test_the_queue_can_show_one_reason_only(network, locales):
    translate_page(network.benin, locales["fr"])
    publish_later(network.benin, timezone.now() + timedelta(minutes=5))
    outdated = queue.needs_translation(locales["fr"], queue.OUTDATED)
    assert [page.title for page in outdated] == ["Benin"]


def test_the_secretariat_sees_the_queue_in_the_admin_reports(
    client, network, locales, people
):
    translate_page(network.benin, locales["fr"])
    publish_later(network.benin, timezone.now() + timedelta(minutes=5))
    client.force_login(people.staff)
    response = client.get("/admin/reports/needs-translation/?locale=fr")
    assert response.status_code == 200
    html = response.content.decode()
    assert "needs-outdated" in html and "Benin" in html
    assert "needs-missing" in html and "Kenya" in html
    assert "/admin/reports/needs-translation/" in client.get("/admin/").content.decode()


def test_a_focal_point_sees_the_queue(client, network, locales, people):
    client.force_login(people.focal_benin)
    assert client.get("/admin/reports/needs-translation/").status_code == 200


def test_a_plain_member_cannot_open_the_queue(client, network, locales, people):
    client.force_login(people.member)
    response = client.get("/admin/reports/needs-translation/")
    assert response.status_code in {302, 403}
    assert "Benin" not in response.content.decode()


def test_bad_queue_parameters_fall_back_to_defaults(client, network, locales, people):
    client.force_login(people.staff)
    response = client.get(
        "/admin/reports/needs-translation/?locale=xx&reason=<b>&p=banana"
    )
    assert response.status_code == 200
