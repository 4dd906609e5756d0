"""With Redis gone, pages, sign-in and posting keep working without the cache."""

import os
import socket
import threading
import time

import pytest
from django.core.cache import caches

from core.cache import ResilientRedisCache
from forum.posting import reply

from ..factories import PASSWORD, established, make_topic


def _dead_redis_url() -> str:
    # A port nobody listens on: connections are refused at once.
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"redis://127.0.0.1:{port}/0"


@pytest.fixture
def redis_down(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": _dead_redis_url(),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
    settings.CHM_PAGE_CACHE_SECONDS = 300
    ResilientRedisCache.down_until = 0.0
    yield caches["default"]
    ResilientRedisCache.down_until = 0.0


def test_the_cache_reads_as_empty_and_drops_writes_while_redis_is_down(redis_down):
    assert redis_down.get("anything", "default") == "default"
    redis_down.set("key", "value")  # no exception
    assert redis_down.add("rate:limit", 1, timeout=10) is True
    assert redis_down.get_many(["a", "b"]) == {}
    with pytest.raises(ValueError):
        redis_down.incr("counter")


def test_a_dead_redis_costs_one_failure_not_one_per_call(redis_down):
    redis_down.get("first")
    started = time.perf_counter()
    for n in range(200):
        redis_down.get(f"key-{n}")
    assert time.perf_counter() - started < 0.5


def test_pages_sign_in_and_posting_work_while_redis_is_down(
    client, redis_down, forums, author, django_capture_on_commit_callbacks
):
    topic = make_topic(forums.public, author, replies=1, title="Seed banks")
    assert client.get(topic.get_absolute_url()).status_code == 200
    assert client.get("/").status_code == 200
    member = established(username="kofi", email="kofi@example.org")
    response = client.post(
        "/accounts/login/", {"login": "kofi@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        post = reply(topic, member, "Our seed bank survived the power cut.")
    assert (
        "Our seed bank survived"
        in client.get(topic.get_absolute_url()).content.decode()
    )
    assert post.pk


@pytest.fixture
def live_redis(settings):
    if not os.environ.get("REDIS_URL"):
        pytest.skip("needs a real Redis")
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            # The worker's own Redis database (chm/settings/test.py).
            "LOCATION": settings.REDIS_URL,
            "KEY_PREFIX": "chm-test-outage",
        }
    }
    return caches["default"]


def test_the_cache_comes_back_by_itself_when_redis_returns(live_redis):
    cache = live_redis
    ResilientRedisCache.down_until = time.monotonic() + 0.2  # as after a failure
    cache.set("back", "no")
    assert cache.get("back") is None
    time.sleep(0.3)
    cache.set("back", "yes")
    assert cache.get("back") == "yes"
    cache.delete("back")
    ResilientRedisCache.down_until = 0.0


def test_every_command_and_thread_uses_one_redis_client(live_redis):
    """Django's client builds a redis.Redis object per command (copying its
    reply parsers each time); the process keeps one per connection pool."""
    cache = live_redis
    elsewhere = []
    thread = threading.Thread(
        target=lambda: elsewhere.append(caches["default"]._cache.get_client(write=True))
    )
    thread.start()
    thread.join()
    client = cache._cache.get_client(write=True)
    assert client is cache._cache.get_client(write=True)
    assert elsewhere == [client]
    cache.set("one-client", "yes")
    assert cache.get("one-client") == "yes"
    cache.delete("one-client")
