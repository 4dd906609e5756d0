"""Dependency checks behind `/healthz?deep=1`, for operators and monitors.

The plain `/healthz` stays a one-query liveness probe; the deep check says
which dependency is failing so a Secretariat operator knows where to look.
"""

import time
import uuid

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.db import connection


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def check_cache() -> None:
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not return what was written")
    cache.delete(key)


def check_channel_layer() -> None:
    layer = get_channel_layer()
    if layer is None:
        raise RuntimeError("no channel layer is configured")

    async def round_trip():
        channel = await layer.new_channel()
        await layer.send(channel, {"type": "healthz.ping"})
        return await layer.receive(channel)

    if async_to_sync(round_trip)().get("type") != "healthz.ping":
        raise RuntimeError("the channel layer lost a message")


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "channel_layer": check_channel_layer,
}


def run_checks() -> dict[str, dict]:
    """Run every check; each reports ok or its error and how long it took."""
    results = {}
    for name, check in CHECKS.items():
        started = time.perf_counter()
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure is a finding here
            status = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        else:
            status = {"ok": True}
        status["ms"] = round((time.perf_counter() - started) * 1000, 1)
        results[name] = status
    return results
