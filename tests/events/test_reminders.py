import datetime as dt
import threading

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from events.events import EVENT_REMINDER
from events.models import EventReminder
from events.reminding import send_event_reminders
from notifications.kinds import get_kind
from notifications.models import Notification, WatchLevel
from notifications.subscriptions import set_watch_level

from ..factories import UserFactory, login, make_event


def _reminders(user) -> list[Notification]:
    return list(Notification.objects.filter(recipient=user, kind=EVENT_REMINDER))


def test_each_follower_is_reminded_once_however_often_the_command_runs(calendars):
    event = make_event(calendars.benin, "Atelier national", days=0.5)
    first, second, other = UserFactory(), UserFactory(), UserFactory()
    set_watch_level(first, event, WatchLevel.WATCHING)
    set_watch_level(second, event, WatchLevel.WATCHING)
    call_command("send_event_reminders", stdout=open("/dev/null", "w"))
    call_command("send_event_reminders", stdout=open("/dev/null", "w"))
    assert send_event_reminders() == 0
    for follower in (first, second):
        (reminder,) = _reminders(follower)
        assert "Atelier national" in reminder.title
        assert reminder.url == event.url
    assert _reminders(other) == []
    assert EventReminder.objects.count() == 2


def test_only_events_starting_within_a_day_remind(calendars):
    member = UserFactory()
    soon = make_event(calendars.benin, "Soon", days=0.9)
    later = make_event(calendars.benin, "Later", days=2)
    started = make_event(calendars.benin, "Started", days=-0.1)
    draft = make_event(calendars.benin, "Draft", days=0.5, live=False)
    for event in (soon, later, started, draft):
        set_watch_level(member, event, WatchLevel.WATCHING)
    assert send_event_reminders() == 1
    assert [n.title for n in _reminders(member)] == [
        "Reminder: “Soon” starts within a day"
    ]


def test_a_muted_or_inactive_member_is_not_reminded(calendars):
    event = make_event(calendars.kenya, "Training", days=0.5)
    muted, gone = UserFactory(), UserFactory(is_active=False)
    set_watch_level(muted, event, WatchLevel.MUTED)
    set_watch_level(gone, event, WatchLevel.WATCHING)
    assert send_event_reminders() == 0


def test_a_rescheduled_event_reminds_again(calendars):
    event = make_event(calendars.kenya, "Training", days=0.5)
    member = UserFactory()
    set_watch_level(member, event, WatchLevel.WATCHING)
    assert send_event_reminders() == 1
    event.start += dt.timedelta(hours=3)
    event.end += dt.timedelta(hours=3)
    event.save_revision().publish()
    assert send_event_reminders() == 1
    assert len(_reminders(member)) == 2


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent transactions need PostgreSQL (set DATABASE_URL)",
)
def test_concurrent_runs_remind_each_member_once(calendars):
    event = make_event(calendars.benin, "Atelier", days=0.5)
    members = [UserFactory() for _ in range(5)]
    for member in members:
        set_watch_level(member, event, WatchLevel.WATCHING)
    counts = []
    barrier = threading.Barrier(2)

    def run():
        barrier.wait()
        try:
            counts.append(send_event_reminders())
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(counts) == 5
    for member in members:
        assert len(_reminders(member)) == 1


def test_the_reminder_is_a_kind_on_the_settings_page(people):
    assert get_kind(EVENT_REMINDER) is not None
    response = login(people.member).get("/notifications/settings/")
    assert response.status_code == 200
    assert "Reminder of an event you follow" in response.content.decode()


def test_members_follow_an_event_with_the_follow_control(calendars, people):
    event = make_event(calendars.benin, "Atelier")
    page = login(people.member).get(event.url)
    assert f'action="/notifications/follow/event/{event.pk}/"' in page.content.decode()
    client = login(people.member)
    response = client.post(
        f"/notifications/follow/event/{event.pk}/",
        {"level": "watching", "next": event.url},
    )
    assert response.status_code == 302
    from notifications.subscriptions import watch_level

    assert watch_level(people.member, event) == WatchLevel.WATCHING
    # A draft cannot be followed.
    draft = make_event(calendars.benin, "Brouillon", live=False)
    response = client.post(
        f"/notifications/follow/event/{draft.pk}/", {"level": "watching"}
    )
    assert response.status_code == 404
    assert Client().get(event.url).status_code == 200
