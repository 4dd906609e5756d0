"""Throughput and latency of the main pages on a production-like stack.

PostgreSQL, Redis, two daphne processes accepting on one shared socket, the
django-tasks database worker, production settings; wrk drives it from another
process on loopback with BENCH_LOAD_CLIENTS (32) concurrent connections for
BENCH_LOAD_SECONDS (10) per page. Each page's throughput is also given as a
ratio of `/healthz` on the same servers in the same run: the ceiling of the
stack itself. Anonymous pages go through the anonymous page cache; signed-in
pages through the members' shared pages (core/member_pages.py).

The signed-in pages are then measured again, in the same run, on a stack with
the members' shared pages off (CHM_MEMBER_PAGE_CACHE_SECONDS=0: every page
rendered in full) and, with BENCH_LOAD_BEFORE_TREE set to a checkout of an
earlier version (same database), on that version's code: before and after
side by side.

Target (signed-in pages): at least 0.33 of the ceiling at 32 connections and
a p50 under 40 ms at 4.
"""

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from _setup import ROOT, setup

CLIENTS = int(os.environ.get("BENCH_LOAD_CLIENTS", "32"))
# Signed-in pages are also measured with a few clients: the latency a member
# sees while the servers are not saturated.
LIGHT_CLIENTS = int(os.environ.get("BENCH_LOAD_LIGHT_CLIENTS", "4"))
SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "10"))
WORKERS = int(os.environ.get("BENCH_LOAD_WORKERS", "2"))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
REPLIES = 1000
LUA = Path(__file__).with_name("wrk_summary.lua")


def prepare() -> dict:
    from django.core.management import call_command
    from django.db.models import F
    from django.test import Client
    from django.utils import timezone

    from community.models import CountryPage, User
    from forum.models import Forum, Post, Topic

    if not CountryPage.objects.exists():
        call_command("seed_demo", verbosity=0)
    member, _ = User.objects.get_or_create(
        username="bench-member", defaults={"email": "bench-member@example.org"}
    )
    topic = Topic.objects.filter(slug="bench-long-discussion").first()
    if topic is None:
        forum = Forum.objects.order_by("sort_order").first()
        now = timezone.now()
        topic = Topic.objects.create(
            forum=forum,
            title="Monitoring mangrove restoration: a long discussion",
            slug="bench-long-discussion",
            author=member,
            last_poster=member,
            post_count=REPLIES + 1,
            reply_count=REPLIES,
            last_post_at=now,
        )
        body = "<p>" + "Seedling survival after the first rainy season. " * 6 + "</p>"
        Post.objects.bulk_create(
            Post(topic=topic, number=n, author=member, raw=body, html=body)
            for n in range(1, REPLIES + 2)
        )
        Forum.objects.filter(pk=forum.pk).update(
            topic_count=F("topic_count") + 1, post_count=F("post_count") + REPLIES + 1
        )
    client = Client()
    client.force_login(member)
    country = CountryPage.objects.live().order_by("title").first()
    return {
        "session": client.cookies["sessionid"].value,
        "pages": {
            "home": "/",
            "country page": country.url,
            f"topic, {REPLIES} replies": topic.get_absolute_url(),
            "toolkit library": "/toolkits/",
            "forum index": "/forums/",
            "search": "/search/?q=biodiversity",
            "news feed (RSS)": "/feeds/news.rss",
        },
    }


def server_env(database_url: str, secret: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "chm.settings.production",
        "DJANGO_SECRET_KEY": secret,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "DATABASE_POOL_MAX_SIZE": os.environ.get("BENCH_POOL_SIZE", "20"),
        "REDIS_URL": REDIS_URL,
        "CHM_CACHE_PREFIX": "chm-bench-load",
        "CHM_TASKS_BACKEND": "django_tasks_db.backend.DatabaseBackend",
        "LOG_LEVEL": "WARNING",
        # wrk is one client: per-client limits would turn the load into 429s.
        "CHM_SEARCH_RATE_LIMIT": "100000000/m",
        "CHM_API_RATE_LIMIT": "100000000/m",
    }


def start_stack(env: dict, tree: Path = ROOT) -> tuple[list[subprocess.Popen], int]:
    python = sys.executable
    daphne = str(Path(python).with_name("daphne"))
    subprocess.run(  # noqa: S603
        [python, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=tree,
        env=env,
        check=True,
    )
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1024)
    port = listener.getsockname()[1]
    logs = open(os.environ.get("BENCH_SERVER_LOG", os.devnull), "ab")  # noqa: SIM115
    processes = [
        subprocess.Popen(  # noqa: S603
            [daphne, "--fd", str(listener.fileno()), "chm.asgi:application"],
            cwd=tree,
            env=env,
            pass_fds=[listener.fileno()],
            stdout=logs,
            stderr=logs,
        )
        for _ in range(WORKERS)
    ]
    processes.append(
        subprocess.Popen(  # noqa: S603
            [python, "manage.py", "db_worker"],
            cwd=tree,
            env=env,
            stdout=logs,
            stderr=logs,
        )
    )
    listener.close()
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz") as r:  # noqa: S310
                if r.status == 200:
                    break
        except OSError:
            if time.monotonic() > deadline:
                for process in processes:  # leave no server behind
                    process.kill()
                raise
            time.sleep(0.5)
    return processes, port


def wrk(url: str, session: str | None = None, clients: int = CLIENTS) -> dict:
    command = [
        "wrk",
        f"-t{min(4, clients)}",
        f"-c{clients}",
        f"-d{SECONDS}s",
        "-s",
        str(LUA),
    ]
    if session:
        command += ["-H", f"Cookie: sessionid={session}"]
    output = subprocess.run(  # noqa: S603
        [*command, url], capture_output=True, text=True, check=True
    ).stdout
    result = json.loads(output.strip().splitlines()[-1])
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def report(name: str, result: dict, ceiling: float) -> None:
    print(
        f"{name:<34} {result['rps']:8.1f} req/s ({result['rps'] / ceiling:5.2f} of "
        f"ceiling)  p50 {result['p50'] / 1000:7.1f}  p95 {result['p95'] / 1000:7.1f}  "
        f"p99 {result['p99'] / 1000:7.1f} ms  errors {result['errors']} "
        f"(non-2xx {result['non_2xx']}, the rest timeouts and socket errors)"
    )


SIGNED_IN_TARGET = 0.33
LIGHT_TARGET_MS = 40


def measure_stack(
    name: str, env: dict, facts: dict, tree: Path = ROOT, anonymous: bool = True
) -> None:
    processes, port = start_stack(env, tree)
    try:
        base = f"http://127.0.0.1:{port}"
        print(
            f"\n== {name}: {WORKERS} daphne processes + 1 task worker, production "
            f"settings, PostgreSQL + Redis; wrk {CLIENTS} connections x {SECONDS} s "
            "per page"
        )
        ceiling = wrk(f"{base}/healthz")
        report("/healthz (ceiling)", ceiling, ceiling["rps"])
        # Little's law: with every client waiting on its answer, the mean
        # latency is the clients over the throughput. No page that does at
        # least what /healthz does can average less than this here.
        print(
            f"{'':<34} {CLIENTS} clients / {ceiling['rps']:.0f} req/s: mean latency "
            f"at the ceiling {CLIENTS / ceiling['rps'] * 1000:.0f} ms"
        )
        if anonymous:
            for page, path in facts["pages"].items():
                # Steady state: one visitor has already been served this page.
                urllib.request.urlopen(base + path).read()  # noqa: S310
                report(f"{page} (anonymous)", wrk(base + path), ceiling["rps"])
        signed_in = {
            page: path for page, path in facts["pages"].items() if "feed" not in page
        }
        for page, path in signed_in.items():
            # Steady state: one member of the audience has been served it.
            request = urllib.request.Request(  # noqa: S310
                base + path, headers={"Cookie": f"sessionid={facts['session']}"}
            )
            urllib.request.urlopen(request).read()  # noqa: S310
            result = wrk(base + path, session=facts["session"])
            report(f"{page} (signed in)", result, ceiling["rps"])
        if LIGHT_CLIENTS:
            print(f"signed in, {LIGHT_CLIENTS} connections:")
            for page, path in signed_in.items():
                result = wrk(
                    base + path, session=facts["session"], clients=LIGHT_CLIENTS
                )
                report(f"{page} (signed in)", result, ceiling["rps"])
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()


def main() -> None:
    if not shutil.which("wrk"):
        sys.exit("bench_load.py needs wrk (Debian: apt-get install -y wrk)")
    os.environ.setdefault(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/chm_bench_load"
    )
    database_url = setup()
    from django.conf import settings

    facts = prepare()
    # The servers must read the sessions the set-up wrote: same secret key.
    env = server_env(database_url, settings.SECRET_KEY)
    print(
        f"targets, signed in: at least {SIGNED_IN_TARGET} of the ceiling at "
        f"{CLIENTS} connections, p50 under {LIGHT_TARGET_MS} ms at {LIGHT_CLIENTS}"
    )
    measure_stack("members' shared pages on", env, facts)
    off = {**env, "CHM_MEMBER_PAGE_CACHE_SECONDS": "0"}
    measure_stack("members' shared pages off", off, facts, anonymous=False)
    before = os.environ.get("BENCH_LOAD_BEFORE_TREE")
    if before:
        measure_stack(
            f"before: the code in {before}", env, facts, Path(before), anonymous=False
        )


if __name__ == "__main__":
    main()
