"""One production-like server over the demo network, for the budgets measured
in a browser (bench_page_weight.py, bench_lighthouse.py).

Production settings (compressed, content-hashed static files through
whitenoise, DEBUG off), PostgreSQL (`BENCH_DATABASE_URL`, default
`chm_bench_pages`, seeded with `seed_demo` when empty), Redis
(`BENCH_REDIS_URL`, default database 9) and one daphne process on loopback.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from _setup import ROOT, setup

REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")


def prepare_site() -> dict:
    """The demo network in the bench database; the paths the budgets read."""
    os.environ.setdefault(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/chm_bench_pages"
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chm.settings.dev")
    database_url = setup()
    from django.core.management import call_command

    from community.models import CountryPage
    from forum.models import Topic

    if not CountryPage.objects.exists():
        call_command("seed_demo", verbosity=0)
    # The busiest public topic: the heaviest first page a visitor may open.
    topic = Topic.objects.public().order_by("-post_count", "pk").first()
    return {
        "database_url": database_url,
        "topic": topic.get_absolute_url() if topic else None,
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def live_server(database_url: str):
    """Yield the base URL of a production-settings daphne on this database."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "chm.settings.production",
        "DJANGO_SECRET_KEY": "bench-only-" + "x" * 50,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "CHM_CACHE_PREFIX": "chm-bench-pages",
        "LOG_LEVEL": "WARNING",
    }
    python = sys.executable
    subprocess.run(  # noqa: S603
        [python, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    port = free_port()
    logs = open(os.environ.get("BENCH_SERVER_LOG", os.devnull), "ab")  # noqa: SIM115
    server = subprocess.Popen(  # noqa: S603
        [python, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port)]
        + ["chm.asgi:application"],
        cwd=ROOT,
        env=env,
        stdout=logs,
        stderr=logs,
    )
    base = f"http://localhost:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/healthz") as answer:  # noqa: S310
                    if answer.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.5)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        logs.close()


def node_tools() -> Path:
    """bench/node_modules, installed from the committed lock file when missing."""
    here = Path(__file__).resolve().parent
    if not (here / "node_modules" / ".bin" / "lighthouse").exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=here, check=True)  # noqa: S607
    return here / "node_modules" / ".bin"


__all__ = ["ROOT", "live_server", "node_tools", "prepare_site"]
