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

    if not CountryPage.objects.exists():
        call_command("seed_demo", verbosity=0)
    return {"database_url": database_url, "topic": full_topic()}


def full_topic() -> str:
    """A public topic whose first page is full (POSTS_PER_PAGE posts of a
    paragraph each, with links and a list): the heaviest first page a visitor
    may open. Added once."""
    from django.db.models import F
    from django.utils import timezone

    from community.models import User
    from forum.cooking import cook
    from forum.models import Forum, Post, Topic
    from forum.models.topic import POSTS_PER_PAGE

    topic = Topic.objects.filter(slug="bench-page-weight").first()
    if topic is None:
        forum = Forum.objects.filter(visibility="public").order_by("sort_order").first()
        author = User.objects.order_by("pk").first()
        count = POSTS_PER_PAGE * 2
        now = timezone.now()
        topic = Topic.objects.create(
            forum=forum,
            title="Monitoring mangrove restoration: what survives the first year?",
            slug="bench-page-weight",
            author=author,
            last_poster=author,
            post_count=count,
            reply_count=count - 1,
            last_post_at=now,
        )
        raw = (
            "Seedling survival after the first rainy season was **62%** in the "
            "lower plots and 81% upstream. We count every quarter, see the "
            "[protocol](https://example.org/protocol) and the notes below.\n\n"
            "- plot A: 120 seedlings\n- plot B: 95 seedlings\n\n"
            "Has anyone compared this with natural regeneration nearby?"
        )
        html, _mentions = cook(raw)
        Post.objects.bulk_create(
            Post(topic=topic, number=n, author=author, raw=raw, html=html)
            for n in range(1, count + 1)
        )
        Forum.objects.filter(pk=forum.pk).update(
            topic_count=F("topic_count") + 1, post_count=F("post_count") + count
        )
    return topic.get_absolute_url()


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
