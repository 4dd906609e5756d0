"""Email in, end to end: a real aiosmtpd server on a loopback port, spoken to
with smtplib. Its handler runs in other threads with their own database
connections, so these tests commit (transaction=True)."""

import socket

import pytest

from notifications.inbound.server import InboundController


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def inbound_server(settings):
    settings.CHM_INBOUND_DOMAIN = "localhost"
    controller = InboundController("127.0.0.1", free_port())
    controller.start()
    yield controller
    controller.stop()
