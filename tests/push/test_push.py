"""Web Push, end to end on loopback: a notification is delivered, the task
posts an encrypted push to each of the member's devices at a push service
played by a local HTTP server, and the test decrypts it with the device's keys
(http_ece) as the browser would. The payload is the title and the link and
nothing more; a device the service no longer knows (404, 410) is forgotten;
the member's kinds and channels decide; bursts become one push."""

import json
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.translation import ngettext
from py_vapid import Vapid

from notifications import push
from notifications.audiences import Draft
from notifications.delivery import deliver as deliver_rows
from notifications.kinds import MODERATION
from notifications.models import NotificationSettings, PushSubscription

from ..factories import UserFactory
from ..push_service import Device, push_service, vapid_pair

pytestmark = pytest.mark.django_db


@pytest.fixture
def vapid(settings):
    public, private = vapid_pair()
    settings.CHM_VAPID_PUBLIC_KEY = public
    settings.CHM_VAPID_PRIVATE_KEY = private
    settings.CHM_VAPID_SUBJECT = "mailto:secretariat@example.org"
    settings.CHM_PUSH_BATCH_SECONDS = 60
    return public


@pytest.fixture(autouse=True)
def committed(django_capture_on_commit_callbacks):
    """Run what deliver() queues on commit (the push task) as a commit would."""
    global deliver

    def deliver(drafts):
        with django_capture_on_commit_callbacks(execute=True):
            return deliver_rows(drafts)

    yield


@pytest.fixture
def service():
    with push_service() as running:
        yield running


def add_device(member, service, name="phone"):
    device = Device()
    push.subscribe(
        member,
        device.subscription(service.endpoint(name)),
        "Mozilla/5.0 (Linux; Android 14) Chrome/131.0 Mobile Safari/537.36",
    )
    return device


def vapid_key_of(authorization: str) -> str:
    """The public key named in a VAPID Authorization header (vapid t=...,k=...)."""
    scheme, fields = authorization.split(" ", 1)
    assert scheme == "vapid"
    return dict(part.strip().split("=", 1) for part in fields.split(","))["k"]


def draft(member, key="m:1", title="Your post was approved", url="/forums/t/1/"):
    return Draft(member.pk, MODERATION, title, url, key)


def test_a_notification_reaches_each_device_with_its_title_and_link_only(
    vapid, service
):
    member = UserFactory()
    phone = add_device(member, service, "phone")
    laptop = add_device(member, service, "laptop")

    deliver([draft(member)])

    [to_phone] = service.to("phone")
    [to_laptop] = service.to("laptop")
    for device, received in ((phone, to_phone), (laptop, to_laptop)):
        assert device.decrypt(received.body) == {
            "title": "Your post was approved",
            "url": "/forums/t/1/",
        }
        assert received.headers["content-encoding"] == "aes128gcm"
        assert received.headers["topic"] == push.TOPIC
        assert int(received.headers["ttl"]) > 0
        # Signed with the site's VAPID key, for this push service.
        authorization = received.headers["authorization"]
        assert vapid_key_of(authorization) == vapid
        assert Vapid.verify(authorization)
    # Nobody else's keys open it: the push service reads nothing.
    with pytest.raises(Exception):  # noqa: B017 - any decryption failure
        Device().decrypt(to_phone.body)
    assert all(
        device.last_used_at is not None
        for device in PushSubscription.objects.filter(user=member)
    )


@pytest.mark.parametrize("status", [404, 410])
def test_a_device_the_push_service_no_longer_knows_is_removed(vapid, service, status):
    member = UserFactory()
    add_device(member, service, "gone")
    add_device(member, service, "kept")
    service.answers["/push/gone"] = status

    deliver([draft(member)])

    assert len(service.to("gone")) == 1
    assert list(
        PushSubscription.objects.filter(user=member).values_list("endpoint", flat=True)
    ) == [service.endpoint("kept")]


def test_a_push_service_error_keeps_the_device(vapid, service):
    member = UserFactory()
    add_device(member, service, "flaky")
    service.answers["/push/flaky"] = 503

    deliver([draft(member)])

    assert len(service.to("flaky")) == 1
    assert PushSubscription.objects.filter(user=member).count() == 1


def test_the_members_channels_decide_what_is_pushed(vapid, service):
    quiet = UserFactory()
    bell_only = UserFactory()
    bell_off = UserFactory()
    for member, name in ((quiet, "quiet"), (bell_only, "bell"), (bell_off, "off")):
        add_device(member, service, name)
    NotificationSettings.objects.create(
        user=quiet, channels={MODERATION: {"app": True, "email": True, "push": False}}
    )
    # No push choice yet: a device hears what the bell hears.
    NotificationSettings.objects.create(
        user=bell_off, channels={MODERATION: {"app": False, "email": True}}
    )

    rows = deliver(
        [
            draft(quiet, "m:q"),
            draft(bell_only, "m:b"),
            draft(bell_off, "m:o"),
        ]
    )

    assert len(rows) == 3  # each still has the row (bell or email)
    assert service.to("quiet") == []
    assert service.to("off") == []
    assert len(service.to("bell")) == 1


def test_push_alone_keeps_the_notification(vapid, service):
    member = UserFactory()
    add_device(member, service)
    NotificationSettings.objects.create(
        user=member, channels={MODERATION: {"app": False, "email": False, "push": True}}
    )
    assert len(deliver([draft(member)])) == 1
    assert len(service.to("phone")) == 1


def test_a_burst_is_one_push_and_what_follows_waits_for_the_window(vapid, service):
    member = UserFactory(preferred_language="fr")
    device = add_device(member, service)

    deliver([draft(member, f"m:{n}", f"Post {n}") for n in range(3)])

    [first] = service.to("phone")
    with translation.override("fr"):
        summary = ngettext(
            "%(count)s new notification", "%(count)s new notifications", 3
        ) % {"count": 3}
    # In the member's language, linking to their list.
    assert device.decrypt(first.body) == {
        "title": summary,
        "url": "/fr/notifications/",
    }

    # Within the window: held, not sent.
    deliver([draft(member, "m:later", "A later post")])
    assert len(service.to("phone")) == 1

    # The window has passed: the held one goes, alone, with its own title.
    NotificationSettings.objects.filter(user=member).update(
        last_push_at=timezone.now() - timedelta(seconds=61)
    )
    assert push.push_pending(member.pk) == 1
    second = service.to("phone")[1]
    assert device.decrypt(second.body) == {
        "title": "A later post",
        "url": "/forums/t/1/",
    }
    # Nothing new: nothing more.
    NotificationSettings.objects.filter(user=member).update(last_push_at=None)
    assert push.push_pending(member.pk) == 0
    assert len(service.to("phone")) == 2


def test_read_notifications_are_not_pushed_later(vapid, service):
    member = UserFactory()
    add_device(member, service)
    deliver([draft(member, "m:1")])
    [row] = deliver([draft(member, "m:2")])  # held
    row.read_at = timezone.now()
    row.save()
    NotificationSettings.objects.filter(user=member).update(last_push_at=None)
    assert push.push_pending(member.pk) == 0
    assert len(service.to("phone")) == 1


def test_without_keys_nothing_is_pushed(settings, service):
    settings.CHM_VAPID_PUBLIC_KEY = ""
    settings.CHM_VAPID_PRIVATE_KEY = ""
    member = UserFactory()
    add_device(member, service)
    deliver([draft(member)])
    assert service.received == []


def test_endpoints_must_be_public_https_addresses(settings):
    member = UserFactory()
    device = Device()
    settings.CHM_PUSH_ALLOW_PRIVATE = False
    for endpoint in (
        "http://127.0.0.1:9/push/x",
        "https://127.0.0.1/push/x",
        "https://10.0.0.8/push/x",
        "https://169.254.169.254/latest/meta-data",
        "ftp://push.example.org/x",
        "https://user:pass@push.example.org/x",
        "javascript:alert(1)",
    ):
        with pytest.raises(push.BadSubscription):
            push.subscribe(member, device.subscription(endpoint))
    with pytest.raises(push.BadSubscription):
        push.subscribe(member, {"endpoint": "https://push.example.org/x"})
    with pytest.raises(push.BadSubscription):
        push.subscribe(
            member,
            {"endpoint": "https://push.example.org/x", "keys": {"p256dh": "<>"}},
        )
    assert not PushSubscription.objects.exists()


def test_one_browser_is_one_device_and_moves_to_whoever_subscribed_last(vapid, service):
    first, second = UserFactory(), UserFactory()
    device = Device()
    subscription = device.subscription(service.endpoint("shared"))
    push.subscribe(first, subscription)
    push.subscribe(second, subscription)
    assert list(PushSubscription.objects.values_list("user", flat=True)) == [second.pk]
    deliver([draft(first, "m:first")])
    assert service.to("shared") == []


def test_a_member_keeps_at_most_a_bounded_number_of_devices(vapid, service):
    member = UserFactory()
    for number in range(push.MAX_DEVICES + 3):
        add_device(member, service, f"d{number}")
    assert PushSubscription.objects.filter(user=member).count() == push.MAX_DEVICES


def test_device_labels_name_the_browser_and_system():
    assert (
        push.device_label(
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
            "(KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36"
        )
        == "Chrome · Android"
    )
    assert (
        push.device_label(
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko Firefox/133.0"
        )
        == "Firefox · Windows"
    )
    assert push.device_label("") == ""


def test_generate_vapid_keys_prints_a_working_pair():
    out = StringIO()
    call_command("generate_vapid_keys", stdout=out)
    values = dict(line.split("=", 1) for line in out.getvalue().splitlines())
    vapid = Vapid.from_string(values["CHM_VAPID_PRIVATE_KEY"])
    headers = vapid.sign({"sub": "mailto:a@example.org", "aud": "https://p.example"})
    assert vapid_key_of(headers["Authorization"]) == values["CHM_VAPID_PUBLIC_KEY"]
    assert Vapid.verify(headers["Authorization"])


# --- The settings page and its endpoints -----------------------------------


def test_the_settings_page_offers_push_and_lists_the_members_devices(
    client, vapid, service
):
    member = UserFactory()
    other = UserFactory()
    add_device(member, service, "mine")
    add_device(other, service, "theirs")
    client.force_login(member)
    html = client.get("/notifications/settings/").content.decode()
    assert "Notify me on this device" in html
    assert f'data-key="{vapid}"' in html
    assert "Chrome · Android" in html
    assert html.count('class="device"') == 1
    assert "On my devices" in html


def test_without_keys_the_settings_page_offers_no_push(client, settings):
    settings.CHM_VAPID_PUBLIC_KEY = ""
    member = UserFactory()
    client.force_login(member)
    html = client.get("/notifications/settings/").content.decode()
    assert "Notify me on this device" not in html
    assert "On my devices" not in html
    assert (
        client.post("/notifications/devices/", "{}", "application/json").status_code
        == 404
    )


def test_saving_settings_without_push_keeps_the_push_choices(client, settings):
    settings.CHM_VAPID_PUBLIC_KEY = ""
    member = UserFactory()
    NotificationSettings.objects.create(
        user=member, channels={MODERATION: {"app": True, "email": True, "push": False}}
    )
    client.force_login(member)
    client.post("/notifications/settings/", {"email_frequency": "daily"})
    saved = NotificationSettings.objects.get(user=member)
    assert saved.channels[MODERATION]["push"] is False
    assert saved.wants(MODERATION, "app") is False  # unticked box


def test_the_push_column_saves(client, vapid):
    member = UserFactory()
    client.force_login(member)
    client.post(
        "/notifications/settings/",
        {"email_frequency": "daily", f"{MODERATION}__app": "on"},
    )
    saved = NotificationSettings.objects.get(user=member)
    assert saved.wants(MODERATION, "app") and not saved.wants(MODERATION, "push")


def test_storing_a_device_needs_a_signed_in_member_and_a_real_subscription(
    client, vapid, service
):
    body = json.dumps(Device().subscription(service.endpoint("new")))
    response = client.post("/notifications/devices/", body, "application/json")
    assert response.status_code == 302  # to sign in
    member = UserFactory()
    client.force_login(member)
    response = client.post(
        "/notifications/devices/",
        body,
        "application/json",
        headers={"User-Agent": "Mozilla/5.0 (iPhone) Safari/604.1"},
    )
    assert response.status_code == 201
    assert response.json()["label"] == "Safari · iPhone"
    assert PushSubscription.objects.get(user=member).endpoint == service.endpoint("new")
    for bad in ("not json", "[]", json.dumps({"endpoint": 3, "keys": {}})):
        response = client.post("/notifications/devices/", bad, "application/json")
        assert response.status_code == 400
    response = client.post("/notifications/devices/", "x" * 5000, "application/json")
    assert response.status_code == 413
    assert client.get("/notifications/devices/").status_code == 405


def test_storing_a_device_needs_the_csrf_token(vapid, service):
    from django.test import Client

    member = UserFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(member)
    body = json.dumps(Device().subscription(service.endpoint("new")))
    assert (
        client.post("/notifications/devices/", body, "application/json").status_code
        == 403
    )


def test_a_member_removes_their_own_devices_only(client, vapid, service):
    member, other = UserFactory(), UserFactory()
    add_device(member, service, "mine")
    add_device(other, service, "theirs")
    mine = PushSubscription.objects.get(user=member)
    theirs = PushSubscription.objects.get(user=other)
    client.force_login(member)
    assert client.post(f"/notifications/devices/{theirs.pk}/remove/").status_code == 404
    response = client.post(f"/notifications/devices/{mine.pk}/remove/")
    assert response.status_code == 302
    assert not PushSubscription.objects.filter(pk=mine.pk).exists()
    assert PushSubscription.objects.filter(pk=theirs.pk).exists()
    add_device(member, service, "again")
    again = PushSubscription.objects.get(user=member)
    response = client.post(
        f"/notifications/devices/{again.pk}/remove/",
        headers={"Accept": "application/json"},
    )
    assert response.json() == {"removed": again.pk}


def test_with_a_worker_a_held_burst_is_pushed_when_the_window_ends(
    vapid, service, settings
):
    from django.core.cache import cache
    from django_tasks import default_task_backend

    from notifications.tasks import push_notifications

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    cache.clear()
    member = UserFactory()
    add_device(member, service)
    deliver_rows([draft(member, "m:1")])
    assert push.push_pending(member.pk) == 1
    deliver_rows([draft(member, "m:2"), draft(member, "m:3")])
    deliver_rows([draft(member, "m:4")])
    # Every delivery queued a run; the first held the rest for the window.
    for _ in range(3):
        assert push.push_pending(member.pk) == 0
    deferred = [
        result
        for result in default_task_backend.results
        if result.task.name == push_notifications.name and result.task.run_after
    ]
    assert len(deferred) == 1  # once per window, however many arrive
    last_push = NotificationSettings.objects.get(user=member).last_push_at
    assert deferred[0].task.run_after == last_push + timedelta(seconds=60)
    assert len(service.to("phone")) == 1


def test_a_subject_push_services_refuse_is_reported_and_nothing_is_lost(
    vapid, service, settings, caplog
):
    settings.CHM_VAPID_SUBJECT = "http://not-a-contact"
    member = UserFactory()
    add_device(member, service)
    deliver([draft(member, "m:1")])
    assert service.received == []
    assert "misconfigured" in caplog.text
    # Fixed: what waited goes out.
    settings.CHM_VAPID_SUBJECT = "mailto:secretariat@example.org"
    assert push.push_pending(member.pk) == 1


def test_the_default_subject_is_one_push_services_accept(settings):
    from py_vapid import _check_sub

    assert _check_sub(settings.CHM_VAPID_SUBJECT)
