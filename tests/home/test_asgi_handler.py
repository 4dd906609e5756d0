"""The ASGI entry point computes each request in one hop to a thread."""

import asyncio
import threading

import pytest
from asgiref import sync
from asgiref.sync import async_to_sync
from asgiref.testing import ApplicationCommunicator
from django.core.handlers.asgi import ASGIHandler
from django.core.signals import request_finished, request_started

from chm.asgi import application
from core.asgi_handler import SyncChainASGIHandler

from ..asgi_http import http_scope

pytestmark = pytest.mark.django_db(transaction=True)


async def _call(app, path: str, method: str = "GET", body: bytes = b"", headers=()):
    communicator = ApplicationCommunicator(app, http_scope(path, method, headers))
    await communicator.send_input(
        {"type": "http.request", "body": body, "more_body": False}
    )
    start = await communicator.receive_output(timeout=10)
    content = b""
    while True:
        message = await communicator.receive_output(timeout=10)
        content += message.get("body", b"")
        if not message.get("more_body"):
            break
    await communicator.wait(timeout=10)
    return start["status"], dict(start["headers"]), content


def _hops(app, path: str, **kwargs) -> tuple[int, int, bytes]:
    """The response, and how many times the request crossed into a thread."""
    crossings = 0
    original = sync.SyncToAsync.__call__

    async def counted(self, *args, **kw):
        nonlocal crossings
        crossings += 1
        return await original(self, *args, **kw)

    sync.SyncToAsync.__call__ = counted
    try:
        status, _, content = async_to_sync(_call)(app, path, **kwargs)
    finally:
        sync.SyncToAsync.__call__ = original
    return status, crossings, content


def test_the_site_is_served_by_the_one_hop_handler():
    assert isinstance(application.application_mapping["http"].app, SyncChainASGIHandler)


def test_a_request_crosses_into_a_thread_once_for_the_middleware_and_the_view():
    status, crossings, content = _hops(SyncChainASGIHandler(), "/healthz")
    assert (status, content.strip()) == (200, b"ok")
    # request_started, the middleware and the view, response.close().
    assert crossings == 3
    # Django's own handler, with this project's synchronous middleware,
    # crosses back and forth around each of them.
    status, stock, _ = _hops(ASGIHandler(), "/healthz")
    assert status == 200
    assert stock > crossings


def test_the_middleware_and_the_view_run_in_one_thread_off_the_event_loop(settings):
    seen = []

    def view_thread(sender, **kwargs):
        seen.append(threading.get_ident())

    request_started.connect(view_thread)
    request_finished.connect(view_thread)
    try:
        status, _, _ = async_to_sync(_call)(application, "/healthz")
    finally:
        request_started.disconnect(view_thread)
        request_finished.disconnect(view_thread)
    assert status == 200
    # The request's signals run in its thread (and close its connections).
    assert len(seen) == 2
    assert len(set(seen)) == 1
    assert seen[0] != threading.get_ident()


def test_a_post_body_reaches_the_middleware():
    # No CSRF token: the body was read and the CSRF middleware refused it.
    status, _, _ = async_to_sync(_call)(
        application,
        "/accounts/login/",
        method="POST",
        body=b"login=a%40example.org&password=x",
        headers=[(b"content-type", b"application/x-www-form-urlencoded")],
    )
    assert status == 403


def test_an_unknown_address_is_a_404_page():
    status, headers, content = async_to_sync(_call)(application, "/no/such/page/")
    assert status == 404
    assert headers[b"Content-Type"].startswith(b"text/html")


def test_requests_reuse_threads_and_requests_open_at_once_get_one_each():
    app = SyncChainASGIHandler()
    seen = []

    def record(sender, **kwargs):
        seen.append(threading.get_ident())

    async def one_after_another():
        await _call(app, "/healthz")
        await _call(app, "/healthz")

    async def at_once():
        await asyncio.gather(*(_call(app, "/healthz") for _ in range(3)))

    request_started.connect(record)
    try:
        async_to_sync(one_after_another)()
        # No thread is started for the second request: the first one's serves it.
        assert len(seen) == 2
        assert seen[0] == seen[1]
        seen.clear()
        async_to_sync(at_once)()
    finally:
        request_started.disconnect(record)
    assert len(set(seen)) == 3
