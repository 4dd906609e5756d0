"""The notification websocket, through the project's real ASGI application:
authentication, origin checks, live pushes, replay after reconnect, bad frames."""

import json

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async

from forum import posting
from notifications.models import Notification
from notifications.subscriptions import set_watch_level

from ..factories import established, make_forest_forum, make_topic
from ..websocket import communicator, receive, session_cookie

pytestmark = pytest.mark.django_db(transaction=True)


def test_anonymous_connections_are_refused():
    async def scenario():
        ws = communicator()
        connected, code = await ws.connect()
        assert not connected and code == 4401

    async_to_sync(scenario)()


def test_foreign_origins_are_refused():
    session = session_cookie(established())

    async def scenario():
        ws = communicator(session, origin="http://evil.example")
        connected, _code = await ws.connect()
        assert not connected

    async_to_sync(scenario)()


def test_a_reply_is_pushed_live_and_replayed_after_reconnect():
    forum = make_forest_forum()
    author, watcher, replier = established(), established(), established()
    topic = make_topic(forum, author)
    set_watch_level(watcher, topic, "watching")
    session = session_cookie(watcher)
    others = [established(), established()]

    async def scenario():
        ws = communicator(session)
        connected, _ = await ws.connect()
        assert connected
        await ws.send_to(text_data=json.dumps({"type": "sync", "last_id": 0}))
        first = await receive(ws)
        assert first == {"type": "notifications", "items": [], "unread": 0}
        await ws.send_to(
            text_data=json.dumps({"type": "watch_topic", "topic": topic.pk})
        )
        # Frames are handled in order: once this sync is answered, the watch is on.
        await ws.send_to(text_data=json.dumps({"type": "sync", "last_id": 0}))
        assert (await receive(ws))["unread"] == 0

        await database_sync_to_async(posting.reply)(topic, replier, "Live reply")
        messages = [await receive(ws), await receive(ws)]
        kinds = {m["type"] for m in messages}
        assert kinds == {"notifications", "topic.post"}
        pushed = next(m for m in messages if m["type"] == "notifications")
        assert pushed["unread"] == 1 and pushed["items"][0]["kind"] == "reply"
        live = next(m for m in messages if m["type"] == "topic.post")
        assert live == {"type": "topic.post", "topic": topic.pk, "number": 2}
        seen = pushed["items"][0]["id"]
        await ws.disconnect()

        # While disconnected, two more replies arrive.
        await database_sync_to_async(posting.reply)(topic, others[0], "Missed one")
        await database_sync_to_async(posting.reply)(topic, others[1], "Missed two")

        ws = communicator(session)
        await ws.connect()
        await ws.send_to(text_data=json.dumps({"type": "sync", "last_id": seen}))
        replay = await receive(ws)
        assert [item["id"] > seen for item in replay["items"]] == [True, True]
        assert replay["unread"] == 3
        await ws.send_to(text_data=json.dumps({"type": "mark_read", "id": "all"}))
        after = await receive(ws)
        assert after["unread"] == 0
        await ws.disconnect()

    async_to_sync(scenario)()
    assert not Notification.objects.filter(recipient=watcher, read_at=None).exists()


def test_topics_of_forums_you_cannot_read_are_not_pushed(settings):
    from forum.models import Forum

    forum = make_forest_forum()
    hidden = Forum.objects.create(name="Focal", slug="focal", visibility="focal-points")
    topic = make_topic(hidden, established())
    session = session_cookie(established())

    async def scenario():
        ws = communicator(session)
        await ws.connect()
        await ws.send_to(
            text_data=json.dumps({"type": "watch_topic", "topic": topic.pk})
        )
        assert await receive(ws) == {"type": "error", "error": "bad topic"}
        await ws.disconnect()

    assert forum
    async_to_sync(scenario)()


@pytest.mark.parametrize(
    "frame,reply",
    [
        ("not json", {"type": "error", "error": "malformed"}),
        ("[1, 2]", {"type": "error", "error": "malformed"}),
        ('{"type": "launch_missiles"}', {"type": "error", "error": "unknown type"}),
        (
            '{"type": "watch_topic", "topic": "1; DROP TABLE"}',
            {"type": "error", "error": "bad topic"},
        ),
    ],
)
def test_bad_frames_get_an_error_and_the_connection_stays(frame, reply):
    session = session_cookie(established())

    async def scenario():
        ws = communicator(session)
        await ws.connect()
        await ws.send_to(text_data=frame)
        assert await receive(ws) == reply
        await ws.send_to(text_data=json.dumps({"type": "sync", "last_id": 0}))
        assert (await receive(ws))["type"] == "notifications"
        await ws.disconnect()

    async_to_sync(scenario)()


def test_huge_frames_close_the_connection():
    session = session_cookie(established())

    async def scenario():
        ws = communicator(session)
        await ws.connect()
        await ws.send_to(text_data="x" * 10_000)
        output = await ws.receive_output(timeout=3)
        assert output == {"type": "websocket.close", "code": 4009}

    async_to_sync(scenario)()


def test_a_flood_of_frames_closes_that_connection_only():
    session = session_cookie(established())

    async def scenario():
        calm = communicator(session)
        await calm.connect()
        noisy = communicator(session)
        await noisy.connect()
        closed = None
        for _ in range(40):
            await noisy.send_to(text_data='{"type": "sync", "last_id": 0}')
        while True:
            output = await noisy.receive_output(timeout=3)
            if output["type"] == "websocket.close":
                closed = output["code"]
                break
        assert closed == 4008
        await calm.send_to(text_data='{"type": "sync", "last_id": 0}')
        assert (await receive(calm))["type"] == "notifications"
        await calm.disconnect()

    async_to_sync(scenario)()
