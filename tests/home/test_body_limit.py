"""Oversized request bodies are refused with 413 before they are read whole."""

import pytest
from asgiref.sync import async_to_sync
from asgiref.testing import ApplicationCommunicator

from chm.asgi import application

from ..asgi_http import http_scope

LIMIT = 1_048_576 * 2


def _scope(path: str, headers: list[tuple[bytes, bytes]]) -> dict:
    return http_scope(path, "POST", headers)


async def _response(communicator) -> tuple[int, bytes]:
    start = await communicator.receive_output(timeout=10)
    body = await communicator.receive_output(timeout=10)
    return start["status"], body["body"]


@pytest.fixture
def small_limit(settings):
    settings.CHM_MAX_REQUEST_BYTES = LIMIT


def test_a_declared_oversized_body_is_refused_before_any_of_it_is_read(small_limit):
    async_to_sync(_declared_oversized)()


async def _declared_oversized():
    communicator = ApplicationCommunicator(
        application,
        _scope("/accounts/login/", [(b"content-length", str(LIMIT + 1).encode())]),
    )
    # Not one byte of the body is sent: the answer must not wait for it.
    status, body = await _response(communicator)
    assert status == 413
    assert b"too large" in body


def test_a_chunked_body_is_cut_off_as_soon_as_it_passes_the_limit(small_limit):
    async_to_sync(_chunked_oversized)()


async def _chunked_oversized():
    communicator = ApplicationCommunicator(
        application, _scope("/accounts/login/", [(b"transfer-encoding", b"chunked")])
    )
    chunk = b"x" * 65_536
    sent = 0
    while sent <= LIMIT:
        await communicator.send_input(
            {"type": "http.request", "body": chunk, "more_body": True}
        )
        sent += len(chunk)
    status, body = await _response(communicator)
    assert status == 413
    assert b"too large" in body


def test_a_malformed_content_length_is_a_bad_request(small_limit):
    async_to_sync(_malformed_length)()


async def _malformed_length():
    communicator = ApplicationCommunicator(
        application, _scope("/accounts/login/", [(b"content-length", b"lots")])
    )
    status, _ = await _response(communicator)
    assert status == 400


def test_a_body_within_the_limit_reaches_the_site(small_limit):
    async_to_sync(_within_limit)()


async def _within_limit():
    body = b"x" * 1000
    communicator = ApplicationCommunicator(
        application,
        _scope("/healthz", [(b"content-length", str(len(body)).encode())]),
    )
    await communicator.send_input({"type": "http.request", "body": body})
    status, _ = await _response(communicator)
    # Django itself answered (its CSRF check refuses a token-less POST), so
    # the body went through the limit untouched.
    assert status == 403
