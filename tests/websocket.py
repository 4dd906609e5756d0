"""Websocket clients of the project's real ASGI application, in this process:
a signed-in session made before entering the event loop, a communicator on the
notification socket, and reading one JSON frame.

Tests across processes (several daphne servers) use tests/live.py instead.
"""

import json

from channels.testing import WebsocketCommunicator
from django.test import Client

from chm.asgi import application


def session_cookie(user) -> str:
    """The session id of `user` signed in (synchronous database work: call it
    before entering the event loop)."""
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def communicator(session=None, origin="http://testserver"):
    """A websocket client; `session` is a session id made before entering the
    event loop (logging in is synchronous database work)."""
    headers = [(b"host", b"testserver")]
    if origin:
        headers.append((b"origin", origin.encode()))
    if session is not None:
        headers.append((b"cookie", f"sessionid={session}".encode()))
    return WebsocketCommunicator(application, "/ws/notifications/", headers=headers)


async def receive(ws, timeout=3):
    """The next frame, decoded from JSON."""
    return json.loads(await ws.receive_from(timeout=timeout))
