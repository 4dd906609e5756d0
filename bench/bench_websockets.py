"""Live delivery over websockets against Redis: 1,000 clients watching one
topic, a reply posted, latency from commit to receipt and the number lost;
then server memory across 10 rounds of 1,000 connects and disconnects."""

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from _setup import percentile, setup

ROOT = Path(__file__).resolve().parents[1]
CLIENTS = int(os.environ.get("BENCH_WS_CLIENTS", "1000"))
# ASGI processes sharing the Redis layer (production runs one per core).
SERVERS = int(os.environ.get("BENCH_WS_SERVERS", "2"))
ROUNDS = int(os.environ.get("BENCH_WS_ROUNDS", "10"))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def start_server(database_url: str) -> tuple[subprocess.Popen, int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "chm.settings.test",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "daphne",
            "-b",
            "127.0.0.1",
            "-p",
            str(port),
            "chm.asgi:application",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(os.environ.get("BENCH_SERVER_LOG", os.devnull), "w"),  # noqa: SIM115
    )
    for _ in range(150):
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return process, port
        time.sleep(0.2)
    process.kill()
    raise RuntimeError("daphne did not start")


async def open_clients(ports: list[int], session: str, topic_id: int, count: int):
    """Open `count` clients spread over the servers on `ports`."""
    from websockets.asyncio.client import connect

    semaphore = asyncio.Semaphore(100)

    async def one(n: int):
        port = ports[n % len(ports)]
        headers = {
            "Cookie": f"sessionid={session}",
            "Origin": f"http://127.0.0.1:{port}",
        }
        url = f"ws://127.0.0.1:{port}/ws/notifications/"
        async with semaphore:
            ws = await connect(
                url, additional_headers=headers, open_timeout=30, max_queue=64
            )
            await ws.send(json.dumps({"type": "watch_topic", "topic": topic_id}))
            await ws.send(json.dumps({"type": "sync", "last_id": 10**12}))
            await ws.recv()  # the sync answer: the watch is in place
            return ws

    return await asyncio.gather(*(one(n) for n in range(count)))


async def wait_for_post(ws, number: int, timeout: float) -> float | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            raw = await asyncio.wait_for(ws.recv(), deadline - time.monotonic())
        except TimeoutError:
            return None
        message = json.loads(raw)
        if message.get("type") == "topic.post" and message.get("number") == number:
            return time.perf_counter()
    return None


def main() -> None:
    database_url = setup()
    os.environ["REDIS_URL"] = REDIS_URL
    from django.conf import settings
    from django.test import Client

    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {
                "hosts": [{"address": REDIS_URL, "max_connections": 1000}],
                "prefix": "chm-test:asgi",
            },
        }
    }
    from asgiref.sync import async_to_sync  # noqa: F401
    from django.core.cache import cache

    from community.models import User
    from forum.models import Forum, ForumIndexPage, Topic
    from forum.posting import reply

    if not ForumIndexPage.objects.exists():
        print("run bench_forum.py first (it builds the forum)")
        return
    forum = Forum.objects.order_by("pk").first()
    user, _ = User.objects.get_or_create(
        username="bench-ws", defaults={"email": "ws@example.org"}
    )
    writer, _ = User.objects.get_or_create(
        username="bench-ws-writer",
        defaults={"email": "wsw@example.org", "is_superuser": True},
    )
    topic = Topic.objects.filter(forum=forum).order_by("pk").first()
    client = Client()
    client.force_login(user)
    session = client.cookies["sessionid"].value

    servers = [start_server(database_url) for _ in range(SERVERS)]
    ports = [port for _process, port in servers]
    try:

        async def delivery():
            sockets = await open_clients(ports, session, topic.pk, CLIENTS)
            cache.clear()
            waiters = [
                asyncio.create_task(wait_for_post(ws, topic.post_count + 1, 10))
                for ws in sockets
            ]
            await asyncio.sleep(0.5)
            loop = asyncio.get_running_loop()
            committed = await loop.run_in_executor(None, post_one, topic, writer, reply)
            arrivals = await asyncio.gather(*waiters)
            await asyncio.gather(*(ws.close() for ws in sockets))
            return committed, arrivals

        committed, arrivals = asyncio.run(delivery())
        latencies = [(t - committed) * 1000 for t in arrivals if t is not None]
        lost = sum(1 for t in arrivals if t is None)
        print(
            f"{CLIENTS} websocket clients on one topic ({SERVERS} ASGI processes): "
            "delivery after commit "
            f"p50 {percentile(latencies, 0.5):.0f} ms, "
            f"p99 {percentile(latencies, 0.99):.0f} ms, "
            f"max {max(latencies):.0f} ms; lost {lost}"
        )

        async def churn():
            sockets = await open_clients(ports, session, topic.pk, CLIENTS)
            await asyncio.gather(*(ws.close() for ws in sockets))

        asyncio.run(churn())  # warm up
        time.sleep(1)
        before = sum(rss_kb(server.pid) for server, _port in servers)
        for _ in range(ROUNDS):
            asyncio.run(churn())
        time.sleep(2)
        after = sum(rss_kb(server.pid) for server, _port in servers)
        print(
            f"server memory ({SERVERS} processes): {before / 1024:.1f} MiB before, "
            f"{after / 1024:.1f} MiB after "
            f"{ROUNDS} rounds of {CLIENTS} connects/disconnects "
            f"({(after - before) / before * 100:+.1f}%)"
        )
    finally:
        for server, _port in servers:
            server.terminate()
            server.wait(timeout=10)


def post_one(topic, writer, reply) -> float:
    """Post a reply; return the moment its transaction committed (the fan-out
    queued after commit runs after this first callback)."""
    from django.db import connection, transaction

    stamp = {}
    try:
        with transaction.atomic():
            transaction.on_commit(lambda: stamp.setdefault("at", time.perf_counter()))
            reply(topic, writer, f"Benchmark reply {time.time()}")
        return stamp["at"]
    finally:
        connection.close()


if __name__ == "__main__":
    main()
