"""The shared Redis cache, made to degrade instead of fail.

Pages, posting and sign-in must keep working when Redis is down for a while:
everything kept in the cache (rendered pages, rate-limit counters, feed
fragments) can be recomputed or skipped. So a failing Redis reads as a miss,
writes are dropped, and `add` says yes (rate limits open rather than lock
everyone out). After a failure the process skips Redis for a few seconds, so
a dead Redis costs one short timeout, not one per call.
"""

import logging
import threading
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.utils.functional import cached_property
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5.0


# One client (and so one connection pool) per Redis address and options in
# the process. Django makes a cache object per thread and, under ASGI, per
# request; with a client of its own each, every request opened a new
# connection to Redis.
_clients: dict[tuple, object] = {}
_clients_lock = threading.Lock()


class SharedRedisCacheClient(RedisCacheClient):
    """Django's client builds a `redis.Redis` object for every command, which
    copies its table of ~200 reply parsers each time; one per connection
    pool does (it is thread-safe: each command takes a connection from the
    pool)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._redis_clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._redis_clients.get(index)
        if client is None:
            pool = self._get_connection_pool(index)
            client = self._redis_clients[index] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    # Shared by every thread's cache object in this process.
    down_until = 0.0

    @cached_property
    def _cache(self):
        key = (tuple(self._servers), repr(sorted(self._options.items())))
        client = _clients.get(key)
        if client is None:
            with _clients_lock:
                client = _clients.get(key)
                if client is None:
                    client = SharedRedisCacheClient(self._servers, **self._options)
                    _clients[key] = client
        return client

    def _call(self, method: str, fallback, *args):
        if time.monotonic() < ResilientRedisCache.down_until:
            return fallback
        try:
            return getattr(super(), method)(*args)
        except (RedisError, OSError):
            logger.warning("Redis cache unavailable; working without it")
            ResilientRedisCache.down_until = time.monotonic() + RETRY_AFTER_SECONDS
            return fallback

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", True, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)

    def incr(self, key, delta=1, version=None):
        # Callers already handle a missing key (ValueError): treat Redis being
        # away the same way.
        missing = object()
        value = self._call("incr", missing, key, delta, version)
        if value is missing:
            raise ValueError(f"Key '{key}' not found")
        return value
