"""Abuse limits under a burst: up to 100 requests at once, on real threads and the
real shared cache (Redis when REDIS_URL is set), let exactly the allowed
number through and answer the rest 429."""

import os
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from django.test import Client

from ..factories import UserFactory

# Every request that reaches a view may open a database connection. On
# PostgreSQL the burst stays well under the server's max_connections (100,
# shared with the other pytest-xdist worker, its live servers and this
# process); the in-memory SQLite test database takes the full hundred.
ON_POSTGRESQL = os.environ.get("DATABASE_URL", "").startswith("postgres")
BURST = 40 if ON_POSTGRESQL else 100

# Bursts of concurrent requests open dozens of connections: never beside the
# other such tests on another pytest-xdist worker (PostgreSQL's max_connections).
pytestmark = pytest.mark.xdist_group("many_connections")


def fresh_window(seconds: int) -> None:
    """Start the burst well inside one fixed window of the counter."""
    left = seconds - time.time() % seconds
    if left < 8:
        time.sleep(left + 0.1)


def burst(make_request, n: int = BURST) -> Counter:
    """Fire `n` requests from `n` threads released together; count statuses."""
    gate = threading.Barrier(n, timeout=60)
    clients = [make_request.client_for(i) for i in range(n)]

    def one(i):
        client = clients[i]
        gate.wait()
        try:
            return make_request(client).status_code
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=n) as pool:
        return Counter(pool.map(one, range(n)))


class Requests:
    def __init__(self, send, client_for=None):
        self.send = send
        self.client_for = client_for or (lambda i: Client(REMOTE_ADDR="203.0.113.7"))

    def __call__(self, client):
        return self.send(client)


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_searches_from_one_address_lets_the_allowed_number_through(
    settings,
):
    settings.CHM_SEARCH_RATE_LIMIT = "25/m"
    fresh_window(60)
    counts = burst(Requests(lambda c: c.get("/search/", {"q": "forest"})))
    assert counts == {200: 25, 429: BURST - 25}, counts
    # Another address is not held back.
    assert Client(REMOTE_ADDR="198.51.100.9").get("/search/?q=x").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_a_refused_search_says_when_to_come_back(settings, client):
    settings.CHM_SEARCH_RATE_LIMIT = "1/m"
    assert client.get("/search/?q=a").status_code == 200
    response = client.get("/search/?q=b")
    assert response.status_code == 429
    assert int(response["Retry-After"]) >= 1
    assert "Too many requests" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_sign_ups_from_one_address_is_cut_at_the_limit(settings):
    settings.CHM_POST_RATE_LIMITS = {"/accounts/signup/": "20/m"}
    # Only the atomic counter is measured; allauth's own limits stay behind it
    # in production but count with a racy read-then-write.
    settings.ACCOUNT_RATE_LIMITS = False
    fresh_window(60)
    # Passwords that do not match: a form error (200), nothing written.
    data = {"email": "x@example.org", "username": "xx1", "password1": "a-1"}
    counts = burst(Requests(lambda c: c.post("/accounts/signup/", data)))
    assert counts == {200: 20, 429: BURST - 20}, counts


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_sign_ins_from_one_address_is_cut_at_the_limit(settings):
    settings.CHM_POST_RATE_LIMITS = {"/accounts/login/": "30/m"}
    # Only the atomic counter is measured; allauth's own (racy) limits are off.
    settings.ACCOUNT_RATE_LIMITS = False
    fresh_window(60)
    data = {"login": "nobody@example.org", "password": "wrong-guess-1"}
    counts = burst(Requests(lambda c: c.post("/fr/accounts/login/", data)))
    assert counts == {200: 30, 429: BURST - 30}, counts


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_toolkit_proposals_from_one_member_is_cut_at_the_limit(settings):
    settings.CHM_PROPOSAL_RATE_LIMIT = "10/h"
    member = UserFactory()

    signed_in = Client()
    signed_in.force_login(member)

    def client_for(i):
        # The same member from many addresses: counted as one member.
        client = Client(REMOTE_ADDR=f"203.0.113.{i % 250}")
        client.cookies = signed_in.cookies
        return client

    fresh_window(3600)
    # An empty form: 400 once past the limiter, nothing stored.
    counts = burst(Requests(lambda c: c.post("/toolkits/propose/", {}), client_for))
    assert counts == {400: 10, 429: BURST - 10}, counts


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="concurrent writers need PostgreSQL (the in-memory SQLite test "
    "database locks whole tables)",
)
@pytest.mark.django_db(transaction=True)
def test_a_burst_of_messages_from_one_member_sends_one_and_refuses_the_rest():
    from messaging.models import Message

    sender = UserFactory(username="sender")
    UserFactory(username="recipient")
    sessions = []
    for _ in range(20):
        client = Client()
        client.force_login(sender)
        sessions.append(client)
    counts = burst(
        Requests(
            lambda c: c.post("/messages/with/recipient/", {"body": "Hello there"}),
            lambda i: sessions[i % len(sessions)],
        ),
        n=20,
    )
    # One message per interval: the first through, the others 429.
    assert counts[429] == 19, counts
    assert Message.objects.count() == 1
