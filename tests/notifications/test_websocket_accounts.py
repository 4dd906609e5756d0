"""A socket lives only as long as the account may use it, and it closes with a
code the server can actually send."""

import json

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.contrib.auth import get_user_model

from community.national_spaces import make_moderator
from forum.moderation import suspend_member
from notifications.delivery import user_group

from ..factories import enrol_in_two_factor, established
from ..websocket import communicator, receive, session_cookie

pytestmark = pytest.mark.django_db(transaction=True)

SYNC = json.dumps({"type": "sync", "last_id": 0})


async def wake_up(user_id: int) -> None:
    """What delivery sends when a notice is stored for the member."""
    await get_channel_layer().group_send(
        user_group(user_id), {"type": "notifications.changed"}
    )


def closes_allowed_by_daphne(code: int) -> bool:
    """autobahn (under daphne) lets a server close only with 1000 or 3000-4999;
    any other code becomes a logged traceback and a 1011 for the client."""
    return code == 1000 or 3000 <= code <= 4999


def test_suspending_a_member_closes_their_open_socket():
    member, moderator = established(), established()
    make_moderator(moderator)
    enrol_in_two_factor(moderator)  # staff powers need it
    session = session_cookie(member)

    async def scenario():
        ws = communicator(session)
        connected, _ = await ws.connect()
        assert connected
        await ws.send_to(text_data=SYNC)
        assert (await receive(ws))["type"] == "notifications"
        await database_sync_to_async(suspend_member)(member, moderator, "Spam")
        output = await ws.receive_output(timeout=3)
        assert output == {"type": "websocket.close", "code": 4403}

    async_to_sync(scenario)()


@pytest.mark.parametrize(
    "frame",
    [
        SYNC,
        json.dumps({"type": "watch_topic", "topic": 1}),
        json.dumps({"type": "mark_read", "id": "all"}),
    ],
)
def test_a_deactivated_account_gets_nothing_more_from_a_socket_it_kept(frame):
    """Even when the close sent on suspension was lost (the channel layer is
    at-most-once), the next frame finds the account closed."""
    member = established()
    session = session_cookie(member)

    async def scenario():
        ws = communicator(session)
        await ws.connect()
        # Behind the consumer's back: no signal, no close message.
        await database_sync_to_async(
            get_user_model().objects.filter(pk=member.pk).update
        )(is_active=False)
        await ws.send_to(text_data=frame)
        output = await ws.receive_output(timeout=3)
        assert output == {"type": "websocket.close", "code": 4403}

    async_to_sync(scenario)()


def test_a_suspended_member_cannot_open_a_new_socket():
    member, moderator = established(), established()
    make_moderator(moderator)
    enrol_in_two_factor(moderator)  # staff powers need it
    session = session_cookie(member)
    suspend_member(member, moderator)

    async def scenario():
        connected, code = await communicator(session).connect()
        assert not connected and code == 4401

    async_to_sync(scenario)()


def test_a_huge_frame_closes_with_a_code_daphne_can_send():
    session = session_cookie(established())

    async def scenario():
        ws = communicator(session)
        await ws.connect()
        await ws.send_to(text_data="x" * 10_000)
        output = await ws.receive_output(timeout=3)
        assert output["type"] == "websocket.close"
        assert closes_allowed_by_daphne(output["code"])
        assert output["code"] == 4009

    async_to_sync(scenario)()


def test_a_flood_closes_with_a_code_daphne_can_send():
    session = session_cookie(established())

    async def scenario():
        ws = communicator(session)
        await ws.connect()
        for _ in range(40):
            await ws.send_to(text_data=SYNC)
        while (output := await ws.receive_output(timeout=3))["type"] != (
            "websocket.close"
        ):
            pass
        assert closes_allowed_by_daphne(output["code"])
        assert output["code"] == 4008

    async_to_sync(scenario)()


def test_a_deactivated_account_is_pushed_no_more_notices():
    member = established()
    session = session_cookie(member)

    async def scenario():
        ws = communicator(session)
        await ws.connect()
        await database_sync_to_async(
            get_user_model().objects.filter(pk=member.pk).update
        )(is_active=False)
        await wake_up(member.pk)
        output = await ws.receive_output(timeout=3)
        assert output == {"type": "websocket.close", "code": 4403}

    async_to_sync(scenario)()
