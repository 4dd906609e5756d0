"""Across processes: two ASGI servers share the Redis channel layer, and a
channel layer that is down loses nothing."""

import json

import pytest
import requests
from asgiref.sync import async_to_sync
from channels.layers import channel_layers
from websockets.sync.client import connect

from forum import posting
from notifications.models import Notification
from notifications.subscriptions import set_watch_level

from ..factories import established, make_forest_forum, make_topic
from ..factories import topic_url as url
from ..live import asgi_server, needs_postgres, needs_redis, session_id
from ..websocket import communicator, session_cookie

pytestmark = pytest.mark.django_db(transaction=True)


def post_reply(base: str, session: str, topic, text: str) -> int:
    """Reply through a server's HTTP interface, as a browser would."""
    http = requests.Session()
    http.cookies.set("sessionid", session)
    form = http.get(f"{base}{url(topic)}reply/", timeout=10)
    assert form.status_code == 200
    response = http.post(
        f"{base}{url(topic)}reply/",
        data={"body": text, "csrfmiddlewaretoken": http.cookies["csrftoken"]},
        headers={"Referer": f"{base}{url(topic)}"},
        allow_redirects=False,
        timeout=10,
    )
    return response.status_code


@needs_postgres
@needs_redis
def test_a_reply_posted_on_one_server_reaches_a_member_connected_to_another():
    forum = make_forest_forum()
    author, watcher, replier = established(), established(), established()
    topic = make_topic(forum, author)
    set_watch_level(watcher, topic, "watching")
    watcher_session, replier_session = session_id(watcher), session_id(replier)

    with asgi_server() as first, asgi_server() as second:
        ws_url = first.replace("http://", "ws://") + "/ws/notifications/"
        with connect(
            ws_url,
            additional_headers={
                "Cookie": f"sessionid={watcher_session}",
                "Origin": first,
            },
            open_timeout=10,
        ) as socket:
            socket.send(json.dumps({"type": "sync", "last_id": 0}))
            assert json.loads(socket.recv(timeout=5))["unread"] == 0
            assert (
                post_reply(second, replier_session, topic, "From the other server")
                == 302
            )
            # Delivery, not its speed (bench/bench_websockets.py measures that):
            # the posting request itself can take seconds on a loaded machine.
            message = json.loads(socket.recv(timeout=15))
    assert message["type"] == "notifications"
    assert message["unread"] == 1 and message["items"][0]["kind"] == "reply"


@needs_postgres
@needs_redis
def test_live_servers_refuse_anonymous_and_foreign_origin_sockets():
    from websockets.exceptions import InvalidStatus

    member = established()
    with asgi_server() as base:
        ws_url = base.replace("http://", "ws://") + "/ws/notifications/"
        with pytest.raises(InvalidStatus):
            connect(
                ws_url,
                additional_headers={
                    "Cookie": f"sessionid={session_id(member)}",
                    "Origin": "http://evil.example",
                },
                open_timeout=10,
            )


def test_nothing_is_lost_while_the_channel_layer_is_down(settings):
    forum = make_forest_forum()
    author, watcher = established(), established()
    topic = make_topic(forum, author)
    set_watch_level(watcher, topic, "watching")
    repliers = [established() for _ in range(3)]
    session = session_cookie(watcher)

    # The layer is down (Redis at an address where nothing listens).
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": ["redis://127.0.0.1:9/0"]},
        }
    }
    channel_layers.backends.clear()
    for n, replier in enumerate(repliers):
        post = posting.reply(topic, replier, f"Written while the layer is down {n}")
        assert post.pk
    assert topic.posts.count() == 4
    assert Notification.objects.filter(recipient=watcher).count() == 3

    # The layer is back: a reconnecting client gets everything it missed.
    settings.CHANNEL_LAYERS = {
        "default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}
    }
    channel_layers.backends.clear()

    async def scenario():
        ws = communicator(session)
        connected, _ = await ws.connect()
        assert connected
        await ws.send_to(text_data=json.dumps({"type": "sync", "last_id": 0}))
        message = json.loads(await ws.receive_from(timeout=3))
        await ws.disconnect()
        return message

    message = async_to_sync(scenario)()
    assert message["unread"] == 3
    assert len({item["id"] for item in message["items"]}) == 3
