import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from notifications.emails import unsubscribe_token
from notifications.models import Notification, NotificationSettings, Subscription

from ..factories import established, make_notifications

pytestmark = pytest.mark.shared_world("network")


def test_the_bell_shows_the_unread_count(client, network):
    member = established()
    make_notifications(member, 3)
    client.force_login(member)
    html = client.get("/").content.decode()
    assert 'id="bell-count"' in html and ">3</span>" in html
    assert "js/notifications.js" in html


def test_visitors_have_no_bell_and_no_socket_script(client, network):
    html = client.get("/").content.decode()
    assert 'id="bell"' not in html and "notifications.js" not in html


def test_list_open_and_mark_all_read(client, network):
    member = established()
    first, second = make_notifications(member, 2)
    other = established()
    make_notifications(other, 1)
    client.force_login(member)
    html = client.get("/notifications/").content.decode()
    assert "Reply 0" in html and "Reply 1" in html
    response = client.post(f"/notifications/{first.pk}/open/")
    assert response.status_code == 302 and response["Location"] == "/forums/"
    first.refresh_from_db()
    assert first.read_at is not None
    client.post("/notifications/read-all/")
    assert not Notification.objects.filter(recipient=member, read_at=None).exists()
    assert Notification.objects.filter(recipient=other, read_at=None).exists()
    # Someone else's notification is not yours to open.
    foreign = Notification.objects.get(recipient=other)
    assert client.post(f"/notifications/{foreign.pk}/open/").status_code == 404


def test_notification_pages_need_a_signed_in_member(client, network):
    for path in (
        "/notifications/",
        "/notifications/following/",
        "/notifications/settings/",
    ):
        response = client.get(path)
        assert (
            response.status_code == 302 and "/accounts/login/" in response["Location"]
        )


@pytest.mark.parametrize("kind,attr", [("country", "benin"), ("region", "africa")])
def test_follow_buttons_on_pages_and_the_list_of_what_i_follow(
    client, network, kind, attr
):
    member = established()
    client.force_login(member)
    page = getattr(network, attr)
    if kind == "region":
        assert 'name="level"' in client.get(page.url).content.decode()
    response = client.post(
        f"/notifications/follow/{kind}/{page.pk}/",
        {"level": "watching", "next": page.url},
    )
    assert response.status_code == 302 and response["Location"] == page.url
    assert Subscription.objects.get(user=member).level == "watching"
    html = client.get("/notifications/following/").content.decode()
    assert page.title in html and "Watching" in html


def test_follow_members_and_tags(client, network):
    from taggit.models import Tag

    member, expert = established(), established(username="guru")
    tag = Tag.objects.create(name="Forest", slug="forest-f")
    client.force_login(member)
    assert 'name="level"' in client.get("/members/guru/").content.decode()
    assert 'name="level"' in client.get("/tags/forest-f/").content.decode()
    client.post(f"/notifications/follow/member/{expert.pk}/", {"level": "watching"})
    client.post(f"/notifications/follow/tag/{tag.pk}/", {"level": "tracking"})
    assert Subscription.objects.filter(user=member).count() == 2


@pytest.mark.parametrize(
    "path,data,status",
    [
        ("/notifications/follow/planet/1/", {"level": "watching"}, 404),
        ("/notifications/follow/country/999999/", {"level": "watching"}, 404),
    ],
)
def test_following_unknown_things_is_404(client, network, path, data, status):
    client.force_login(established())
    assert client.post(path, data).status_code == status


def test_unknown_levels_and_foreign_redirects_are_refused(client, network):
    member = established()
    client.force_login(member)
    response = client.post(
        f"/notifications/follow/country/{network.benin.pk}/",
        {"level": "loud", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/notifications/following/"
    assert not Subscription.objects.exists()


def test_settings_page_saves_frequency_and_channels(client, network):
    member = established()
    client.force_login(member)
    assert client.get("/notifications/settings/").status_code == 200
    response = client.post(
        "/notifications/settings/",
        {
            "email_frequency": "weekly",
            "reply__app": "on",
            "mention__app": "on",
            "mention__email": "on",
        },
    )
    assert response.status_code == 302
    setting = NotificationSettings.objects.get(user=member)
    assert setting.email_frequency == "weekly"
    assert setting.wants("reply", "app") and not setting.wants("reply", "email")
    assert setting.wants("mention", "email") and not setting.wants("like", "app")
    bad = client.post("/notifications/settings/", {"email_frequency": "hourly"})
    assert bad.status_code == 200 and "Select a valid choice" in bad.content.decode()


def test_daily_digest_sends_unread_items_once(network):
    member = established(email="digest@example.org")
    NotificationSettings.objects.create(user=member, email_frequency="daily")
    make_notifications(member, 2)
    mail.outbox.clear()
    call_command("send_digests", verbosity=0)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "Reply 0" in message.body and "Reply 1" in message.body
    assert message.alternatives and "Reply 0" in message.alternatives[0][0]
    assert "List-Unsubscribe" in message.extra_headers
    call_command("send_digests", verbosity=0)
    assert len(mail.outbox) == 1  # not due again, and nothing new
    NotificationSettings.objects.filter(user=member).update(
        last_digest_at=timezone.now() - timedelta(days=2)
    )
    call_command("send_digests", verbosity=0)
    assert len(mail.outbox) == 1  # due, but everything was already sent


def test_weekly_members_wait_a_week_and_none_get_nothing(network):
    weekly = established()
    NotificationSettings.objects.create(
        user=weekly,
        email_frequency="weekly",
        last_digest_at=timezone.now() - timedelta(days=3),
    )
    never = established()
    NotificationSettings.objects.create(user=never, email_frequency="none")
    make_notifications(weekly)
    make_notifications(never)
    mail.outbox.clear()
    call_command("send_digests", verbosity=0)
    assert mail.outbox == []


def test_one_click_unsubscribe(client, network):
    member = established()
    token = unsubscribe_token(member)
    page = client.get(f"/notifications/unsubscribe/{token}/")
    assert page.status_code == 200 and member.email in page.content.decode()
    assert client.post(f"/notifications/unsubscribe/{token}/").status_code == 200
    assert NotificationSettings.objects.get(user=member).email_frequency == "none"


@pytest.mark.parametrize("token", ["forged", "eyJ1IjoxfQ:1tXYZ:abc", "a" * 300])
def test_forged_unsubscribe_tokens_change_nothing(client, network, token):
    member = established()
    NotificationSettings.objects.create(user=member, email_frequency="daily")
    response = client.post(f"/notifications/unsubscribe/{token}/")
    assert response.status_code == 400
    assert "not valid" in response.content.decode()
    assert NotificationSettings.objects.get(user=member).email_frequency == "daily"


def test_country_pages_have_a_follow_button_showing_the_level(client, people, network):
    client.force_login(people.focal_benin)  # focal points watch their country
    html = client.get("/africa/benin/").content.decode()
    assert 'aria-pressed="true"' in html and ">Following</button>" in html
    assert 'value="watching" id="follow-country-' in html
    assert re.search(r'value="watching"[^>]*checked', html)
