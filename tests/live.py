"""Real ASGI servers (daphne) in their own processes, for tests of what crosses
processes: websockets, the shared channel layer, browsers.

They share the test database, so they need PostgreSQL (SQLite's test database
lives in this process's memory); with REDIS_URL set they share the Redis
channel layer too.
"""

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

ROOT = Path(__file__).resolve().parents[1]

needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="live ASGI servers share the test database: set DATABASE_URL (PostgreSQL)",
)
needs_redis = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"),
    reason="several servers share the channel layer through Redis: set REDIS_URL",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def shared_database_url() -> str:
    settings = connection.settings_dict
    user = settings.get("USER") or "postgres"
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


@contextmanager
def asgi_server(extra_env: dict[str, str] | None = None, log: Path | None = None):
    """Start `daphne chm.asgi:application` on a free port; yield its base URL.
    `extra_env` configures it (e.g. CHM_TEST_EMAIL_DIR, CHM_MEDIA_ROOT); `log`
    is a file that receives the server's log (its stderr).

    Under pytest-xdist the server inherits PYTEST_XDIST_WORKER, so it uses the
    worker's Redis database (chm/settings/test.py), and it is given the worker's
    test database. A port another process took between `free_port` and
    daphne's bind is retried on a new one."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "chm.settings.test",
        "DATABASE_URL": shared_database_url(),
        **(extra_env or {}),
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    for attempt in range(3):
        try:
            process, port, log_file = _start_daphne(env, log)
        except PortTaken:
            if attempt == 2:
                raise
            continue
        break
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        if log_file:
            log_file.close()


class PortTaken(RuntimeError):
    pass


def _start_daphne(env: dict[str, str], log: Path | None):
    port = free_port()
    log_file = log.open("wb") if log else None
    process = subprocess.Popen(  # noqa: S603
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
        stderr=log_file or subprocess.PIPE,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            if log_file:
                log_file.close()
            output = log.read_text() if log else process.stderr.read().decode()
            if "Address already in use" in output:
                raise PortTaken(output[-2000:])
            raise RuntimeError(output[-2000:])
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return process, port, log_file
        time.sleep(0.1)
    process.kill()
    if log_file:
        log_file.close()
    raise RuntimeError("daphne did not start in 30 s")


def session_id(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value
