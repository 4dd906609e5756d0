"""The bell counts unread notices; a private message read in its conversation
is no longer unread, whichever code path marked it read."""

import re

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from django.utils import timezone

from messaging.models import Message
from messaging.sending import mark_conversation_read, send_message
from notifications.models import Notification

from ..factories import established
from ..websocket import communicator, receive, session_cookie


def bell_count(client) -> int:
    html = client.get("/messages/").content.decode()
    match = re.search(r'id="bell-count"[^>]*>(\d+)</span>', html)
    assert match, "the bell is on every signed-in page"
    return int(match.group(1))


def send(sender, recipient, body, capture):
    with capture(execute=True):
        return send_message(sender, recipient, body)


@pytest.mark.django_db
def test_reading_a_conversation_drops_the_bell_count(
    client, network, django_capture_on_commit_callbacks
):
    alice, bob = established(username="alice"), established(username="bob")
    send(
        alice,
        bob,
        "Are you coming to the workshop?",
        django_capture_on_commit_callbacks,
    )
    client.force_login(bob)
    assert bell_count(client) == 1
    assert client.get("/messages/with/alice/").status_code == 200
    assert bell_count(client) == 0


@pytest.mark.django_db
def test_messages_read_by_a_bulk_update_make_their_notices_read(
    django_capture_on_commit_callbacks,
):
    alice, bob, carol = established(), established(), established()
    first = send(alice, bob, "One", django_capture_on_commit_callbacks)
    send(carol, bob, "Two", django_capture_on_commit_callbacks)
    Message.objects.filter(pk=first.pk).update(read_at=timezone.now())
    unread = Notification.objects.for_user(bob).unread()
    assert list(unread.values_list("actor", flat=True)) == [carol.pk]


@pytest.mark.django_db(transaction=True)
def test_an_open_bell_drops_to_zero_when_the_conversation_is_read_elsewhere():
    alice, bob = established(username="alice"), established(username="bob")
    send_message(alice, bob, "Hello")  # autocommit: the notice is stored now
    session = session_cookie(bob)

    async def scenario():
        ws = communicator(session)
        await ws.connect()
        await ws.send_to(text_data='{"type": "sync", "last_id": 0}')
        assert (await receive(ws))["unread"] == 1
        # Another tab opens the conversation.
        await database_sync_to_async(mark_conversation_read)(bob, alice)
        assert (await receive(ws))["unread"] == 0
        await ws.disconnect()

    async_to_sync(scenario)()
