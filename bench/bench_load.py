"""Throughput and latency of the main pages on a production-like stack.

PostgreSQL, Redis, two daphne processes on Unix sockets behind nginx, which
balances them request by request (as docs/deployment.md runs them), the
django-tasks database worker, production settings; wrk drives it from another
process on loopback with BENCH_LOAD_CLIENTS (32) concurrent connections for
BENCH_LOAD_SECONDS (10) per page, after a short warm-up. Each page's
throughput is also given as a ratio of `/healthz` on the same servers in the
same run: the ceiling of the stack itself (for the signed-in pages, `/healthz`
measured just before each). Anonymous pages go through the anonymous page
cache; signed-in pages through the members' shared pages
(core/member_pages.py).

The signed-in pages are then measured again, in the same run, on a stack with
the members' shared pages off (CHM_MEMBER_PAGE_CACHE_SECONDS=0: every page
rendered in full) and, with BENCH_LOAD_BEFORE_TREE set to a checkout of an
earlier version (same database), on that version's code: before and after
side by side.

Target (signed-in pages): at least 0.33 of the ceiling at 32 connections and
a p50 under 40 ms at 4.
"""

import atexit
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from _setup import ROOT, setup

CLIENTS = int(os.environ.get("BENCH_LOAD_CLIENTS", "32"))
# Signed-in pages are also measured with a few clients: the latency a member
# sees while the servers are not saturated.
LIGHT_CLIENTS = int(os.environ.get("BENCH_LOAD_LIGHT_CLIENTS", "4"))
SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "10"))
WARM_UP_SECONDS = 2
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


NGINX_CONF = """
{user}
worker_processes auto;
daemon off;
pid {run}/nginx.pid;
error_log {run}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {run}/body;
    proxy_temp_path {run}/proxy;
    fastcgi_temp_path {run}/fastcgi;
    uwsgi_temp_path {run}/uwsgi;
    scgi_temp_path {run}/scgi;
    upstream chm_web {{
{servers}
        keepalive 32;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://chm_web;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $remote_addr;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_read_timeout 60s;
        }}
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_stack(env: dict, tree: Path = ROOT) -> tuple[list[subprocess.Popen], int]:
    """The production layout (docs/deployment.md): nginx in front of daphne
    processes on Unix sockets, which it balances request by request.

    A single socket shared by the daphne processes would let one of them
    accept most of wrk's keep-alive connections in some runs and not in
    others, so the same page measured one or two processes' worth of
    throughput from run to run."""
    python = sys.executable
    daphne = str(Path(python).with_name("daphne"))
    subprocess.run(  # noqa: S603
        [python, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=tree,
        env=env,
        check=True,
    )
    run = Path(tempfile.mkdtemp(prefix="chm-bench-load-"))
    atexit.register(shutil.rmtree, run, ignore_errors=True)
    sockets = [run / f"web-{n}.sock" for n in range(1, WORKERS + 1)]
    port = free_port()
    (run / "nginx.conf").write_text(
        NGINX_CONF.format(
            run=run,
            port=port,
            # Run as root, nginx's workers would drop to a user that may not
            # open the daphne processes' sockets.
            user="user root;" if os.geteuid() == 0 else "",
            servers="\n".join(f"        server unix:{sock};" for sock in sockets),
        )
    )
    env = {**env, "CHM_TRUSTED_PROXIES": "unix"}
    logs = open(os.environ.get("BENCH_SERVER_LOG", os.devnull), "ab")  # noqa: SIM115
    processes = [
        subprocess.Popen(  # noqa: S603
            [daphne, "-u", str(sock), "chm.asgi:application"],
            cwd=tree,
            env=env,
            stdout=logs,
            stderr=logs,
        )
        for sock in sockets
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
    processes.append(
        subprocess.Popen(  # noqa: S603, S607
            ["nginx", "-p", str(run), "-c", str(run / "nginx.conf")],
            stdout=logs,
            stderr=logs,
        )
    )
    deadline = time.monotonic() + 60
    while True:
        try:
            # Every daphne must answer before the load starts.
            for sock in sockets:
                unix_get(sock, "/healthz")
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz") as r:  # noqa: S310
                if r.status == 200:
                    break
        except OSError:
            if time.monotonic() > deadline:
                stop_stack(processes)  # leave no server behind
                raise
            time.sleep(0.5)
    return processes, port


def unix_get(path: Path, url: str) -> None:
    with socket.socket(socket.AF_UNIX) as conn:
        conn.settimeout(5)
        conn.connect(str(path))
        conn.sendall(f"GET {url} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".encode())
        if b" 200 " not in conn.recv(64).split(b"\r\n", 1)[0]:
            raise OSError(f"{path} is not serving yet")


def stop_stack(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def wrk(
    url: str, session: str | None = None, clients: int = CLIENTS, seconds: int = 0
) -> dict:
    command = [
        "wrk",
        f"-t{min(4, clients)}",
        f"-c{clients}",
        f"-d{seconds or SECONDS}s",
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
        # A cold process imports, compiles templates and fills its pool on
        # the first requests: every page is measured warm.
        wrk(f"{base}/healthz", seconds=WARM_UP_SECONDS)
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
            wrk(base + path, session=facts["session"], seconds=WARM_UP_SECONDS)
            # The ceiling again, just before: this machine's throughput drifts
            # by a quarter within minutes, and the ratio is what is compared.
            here = wrk(f"{base}/healthz")
            result = wrk(base + path, session=facts["session"])
            report(f"{page} (signed in)", result, here["rps"])
            print(f"{'':<34} against /healthz just before: {here['rps']:.1f} req/s")
        if LIGHT_CLIENTS:
            print(f"signed in, {LIGHT_CLIENTS} connections:")
            for page, path in signed_in.items():
                result = wrk(
                    base + path, session=facts["session"], clients=LIGHT_CLIENTS
                )
                report(f"{page} (signed in)", result, ceiling["rps"])
    finally:
        stop_stack(processes)


def main() -> None:
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            sys.exit(f"bench_load.py needs {tool} (Debian: apt-get install -y {tool})")
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
