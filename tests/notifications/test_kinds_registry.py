"""The registries through which apps plug into notifications: kinds of
notification, former task paths and live groups. A kind nobody registered is
refused before anything is stored; a kind an app registers is delivered, listed
and offered on the settings page like the built-in ones."""

import json

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from django.utils.module_loading import import_string

from notifications import kinds, live
from notifications.audiences import Draft
from notifications.delivery import deliver, deliver_counted, store_in_app
from notifications.forms import SettingsForm
from notifications.models import Notification, NotificationSettings

from ..factories import UserFactory
from ..websocket import communicator, receive, session_cookie


@pytest.fixture
def survey_kind():
    """A kind as an app registers it from its ready(), removed afterwards."""
    name = kinds.register_kind("survey", "New survey", order=5)
    yield name
    kinds._KINDS.pop(name)


def draft(user, kind, key="survey:1"):
    return Draft(user.pk, kind, "A survey for you", "/surveys/1/", key, None)


def test_the_settings_page_lists_every_app_kind_in_its_former_order():
    assert [name for name, _label in kinds.kind_choices()] == [
        "news",
        "topic",
        "reply",
        "mention",
        "quote",
        "like",
        "solution",
        "toolkit",
        "approval",
        "moderation",
        "message",
        "coop_request",
        "coop_offer",
        "coop_update",
        "event_reminder",
        "national_site",
        "target_new",
        "target_status",
    ]


@pytest.mark.django_db
def test_an_unknown_kind_is_refused_before_anything_is_stored():
    member = UserFactory()
    known = Draft(member.pk, "moderation", "Checked", "/", "moderation:x", None)
    with pytest.raises(kinds.UnknownKind):
        deliver([known, draft(member, "no-such-kind")])
    with pytest.raises(kinds.UnknownKind):
        store_in_app(draft(member, "no-such-kind"))
    with pytest.raises(kinds.UnknownKind):
        deliver_counted(draft(member, "no-such-kind"), 2)
    assert not Notification.objects.exists()


def test_a_kind_name_must_fit_the_column():
    with pytest.raises(ValueError):
        kinds.register_kind("x" * 21, "Too long")
    assert kinds.get_kind("x" * 21) is None


@pytest.mark.django_db
def test_a_kind_registered_by_an_app_is_delivered_and_offered(survey_kind):
    member = UserFactory()
    [row] = deliver([draft(member, survey_kind)])
    assert (row.kind, row.title, row.url) == (
        "survey",
        "A survey for you",
        "/surveys/1/",
    )
    assert row.get_kind_display() == "New survey"
    form = SettingsForm(settings=NotificationSettings(user=member))
    assert form.kinds[0] == ("survey", "New survey")
    assert "survey__app" in form.fields and "survey__email" in form.fields

    # The member's choice for that kind applies like any other.
    NotificationSettings.objects.create(
        user=member, channels={"survey": {"app": False, "email": False}}
    )
    assert deliver([draft(member, survey_kind, "survey:2")]) == []


@pytest.mark.django_db
def test_rows_of_a_kind_no_longer_registered_still_show(client):
    member = UserFactory()
    Notification.objects.create(
        recipient=member, kind="retired", title="An old notice", url="/", event_key="k"
    )
    client.force_login(member)
    response = client.get("/notifications/")
    assert response.status_code == 200
    assert "An old notice" in response.content.decode()


def test_tasks_queued_under_their_former_path_still_resolve():
    from blog import tasks as blog_tasks
    from forum import tasks as forum_tasks
    from toolkits import tasks as toolkit_tasks

    for name in (
        "topic_started",
        "reply_posted",
        "post_liked",
        "solution_accepted",
        "post_moderated",
    ):
        assert import_string(f"notifications.tasks.{name}") is getattr(
            forum_tasks, name
        )
    assert import_string("notifications.tasks.news_published") is (
        blog_tasks.news_published
    )
    assert import_string("notifications.tasks.page_published") is (
        toolkit_tasks.page_published
    )
    with pytest.raises(ImportError):
        import_string("notifications.tasks.no_such_task")


@pytest.fixture
def room_group():
    """A live group as an app registers it: only room 7 may be joined."""
    live.register_live_group("room", lambda user, room_id: room_id == 7, limit=1)
    yield "room"
    live._GROUPS.pop("room")


@pytest.mark.django_db(transaction=True)
def test_a_registered_live_group_is_joined_and_pushed_to(room_group):
    session = session_cookie(UserFactory())

    async def scenario():
        ws = communicator(session)
        connected, _code = await ws.connect()
        assert connected
        await ws.send_to(text_data=json.dumps({"type": "watch_room", "room": 8}))
        assert await receive(ws) == {"type": "error", "error": "bad room"}
        await ws.send_to(text_data=json.dumps({"type": "watch_hall", "hall": 7}))
        assert await receive(ws) == {"type": "error", "error": "unknown type"}
        await ws.send_to(text_data=json.dumps({"type": "watch_room", "room": 7}))
        # Frames are handled in order: once the sync is answered, it has joined.
        await ws.send_to(text_data=json.dumps({"type": "sync", "last_id": 0}))
        assert (await receive(ws))["type"] == "notifications"
        await sync_to_async(live.push)("room", 7, {"type": "room.news", "n": 1})
        assert await receive(ws) == {"type": "room.news", "n": 1}
        await ws.disconnect()

    async_to_sync(scenario)()
