"""Fault scenarios on a production-like stack; each ends with a PASS or FAIL line.

The script starts its own PostgreSQL cluster and Redis server (so it can stop
and restart them without touching anyone else's), two daphne processes
sharing one socket and the task worker, with production settings. Then:

1. kill -9 a web process while members post: no acknowledged post is lost,
   none is stored twice (clients retry until the site answers), and
   websocket clients reconnect to the surviving process.
2. Redis down for BENCH_REDIS_OUTAGE seconds (30): pages and posting keep
   working; a member whose websocket dropped gets the notification written
   during the outage when they reconnect and resync.
3. PostgreSQL restart: requests during it fail cleanly (503, never 500) and
   the site recovers by itself, without restarting the web processes.

Needs PostgreSQL's server binaries and redis-server (Debian: postgresql,
redis-server); run as root or as the postgres user.
"""

import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PG_BIN = Path(os.environ.get("BENCH_PG_BIN", "/usr/lib/postgresql/15/bin"))
REDIS_OUTAGE = int(os.environ.get("BENCH_REDIS_OUTAGE", "30"))
POSTERS = 8
POSTS_EACH = 25
RESULTS: list[tuple[str, bool, str]] = []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def as_postgres(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    return subprocess.run(command, check=True, capture_output=True, **kwargs)  # noqa: S603


class Postgres:
    def __init__(self, workdir: Path):
        self.data = workdir / "pg"
        self.port = free_port()
        self.data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(workdir, "postgres")
            shutil.chown(self.data, "postgres")
        as_postgres([str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust"])
        self.options = f"-p {self.port} -k {workdir} -c listen_addresses=127.0.0.1"
        self.log = workdir / "pg.log"

    def ctl(self, *args: str) -> None:
        as_postgres(
            [
                str(PG_BIN / "pg_ctl"),
                "-D",
                str(self.data),
                "-o",
                self.options,
                "-l",
                str(self.log),
                "-w",
                *args,
            ]
        )

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/chm_faults"


class Redis:
    def __init__(self):
        self.port = free_port()
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


class Stack:
    """Two daphne processes accepting on one socket, and the task worker."""

    def __init__(self, env: dict, log: Path):
        self.env = env
        self.log = open(log, "ab")  # noqa: SIM115
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(1024)
        self.port = self.listener.getsockname()[1]
        self.web = [self.start_web(), self.start_web()]
        self.worker = subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", "db_worker"],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=self.log,
        )
        try:
            wait_for(f"{self.base}/healthz", 60)
        except RuntimeError:
            self.stop()  # leave no server behind when the stack never came up
            raise

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start_web(self) -> subprocess.Popen:
        daphne = str(Path(sys.executable).with_name("daphne"))
        return subprocess.Popen(  # noqa: S603
            [daphne, "--fd", str(self.listener.fileno()), "chm.asgi:application"],
            cwd=ROOT,
            env=self.env,
            pass_fds=[self.listener.fileno()],
            stdout=self.log,
            stderr=self.log,
        )

    def stop(self) -> None:
        for process in [*self.web, self.worker]:
            if process.poll() is None:
                process.terminate()
        for process in [*self.web, self.worker]:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
        self.listener.close()


def wait_for(url: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not come up")
        time.sleep(0.3)


def request(url: str, session: str, data: dict | None = None) -> int:
    """One request as a signed-in member; the status, or 0 for no answer."""
    csrf = "a" * 32
    body = None
    if data is not None:
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": csrf}).encode()
    req = urllib.request.Request(  # noqa: S310
        url,
        data=body,
        headers={"Cookie": f"sessionid={session}; csrftoken={csrf}"},
    )

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(req, timeout=15) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def record(name: str, passed: bool, detail: str) -> None:
    RESULTS.append((name, passed, detail))
    print(f"{'PASS' if passed else 'FAIL'}  {name}: {detail}", flush=True)


def prepare(database_url: str) -> dict:
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "chm.settings.test"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from allauth.mfa.models import Authenticator
    from django.core.management import call_command
    from django.test import Client

    from community.models import User
    from community.national_spaces import make_moderator
    from forum.models import Forum, Topic
    from forum.posting import create_topic
    from notifications.models import WatchLevel
    from notifications.subscriptions import set_watch_level

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    forum = Forum.objects.order_by("sort_order").first()
    posters = []
    for n in range(POSTERS + 1):
        user, _ = User.objects.get_or_create(
            username=f"fault{n}", defaults={"email": f"fault{n}@example.org"}
        )
        make_moderator(user)  # moderators are not rate limited
        # ...once enrolled in two-factor sign-in (community/staff_mfa.py).
        Authenticator.objects.get_or_create(
            user=user,
            type=Authenticator.Type.TOTP,
            defaults={"data": {"secret": "JBSWY3DPEHPK3PXP"}},
        )
        posters.append(user)
    topic = create_topic(forum, posters[0], "Fault drill", "Where replies land.")
    watcher, _ = User.objects.get_or_create(
        username="fault-watcher", defaults={"email": "watcher@example.org"}
    )
    set_watch_level(watcher, topic, WatchLevel.WATCHING)

    def session(user) -> str:
        client = Client()
        client.force_login(user)
        return client.cookies["sessionid"].value

    topic = Topic.objects.get(pk=topic.pk)
    return {
        "sessions": [session(user) for user in posters],
        "watcher": session(watcher),
        "watcher_id": watcher.pk,
        "topic_url": topic.get_absolute_url(),
        "topic_id": topic.pk,
    }


def stored_bodies(prefix: str) -> list[str]:
    from django.db import connection

    from forum.models import Post

    connection.close()
    return list(
        Post.objects.filter(raw__startswith=prefix).values_list("raw", flat=True)
    )


def post_until_answered(base, topic_url, session, body, acknowledged, lock):
    """Post like a browser whose user presses send again after an error."""
    for _attempt in range(40):
        status = request(f"{base}{topic_url}reply/", session, {"body": body})
        if status == 302:
            with lock:
                acknowledged.append(body)
            return
        if status == 200:  # the form came back: "you already posted this"
            return
        time.sleep(0.25)


async def ws_connect(base: str, session: str):
    import websockets

    url = base.replace("http", "ws") + "/ws/notifications/"
    return await websockets.connect(
        url,
        additional_headers={"Cookie": f"sessionid={session}", "Origin": base},
        open_timeout=5,
    )


def scenario_kill_worker(stack: Stack, facts: dict) -> None:
    import websockets

    acknowledged: list[str] = []
    lock = threading.Lock()

    async def hold_websockets(connected: list, stop: asyncio.Event):
        async def one(n):
            while not stop.is_set():
                try:
                    ws = await ws_connect(stack.base, facts["sessions"][n % POSTERS])
                    connected[n] = True
                    try:
                        while not stop.is_set():
                            await ws.send(json.dumps({"type": "sync", "last_id": 0}))
                            await asyncio.wait_for(ws.recv(), 5)
                            await asyncio.sleep(0.5)
                    finally:
                        await ws.close()
                except (OSError, websockets.WebSocketException, TimeoutError):
                    connected[n] = False
                    await asyncio.sleep(0.5)

        await asyncio.gather(*(one(n) for n in range(len(connected))))

    connected = [False] * 20
    stop = asyncio.Event()
    loop = asyncio.new_event_loop()
    ws_thread = threading.Thread(
        target=lambda: loop.run_until_complete(hold_websockets(connected, stop))
    )
    ws_thread.start()

    def poster(n: int):
        for i in range(POSTS_EACH):
            post_until_answered(
                stack.base,
                facts["topic_url"],
                facts["sessions"][n],
                f"fault-kill c{n} n{i}",
                acknowledged,
                lock,
            )

    threads = [threading.Thread(target=poster, args=(n,)) for n in range(POSTERS)]
    for thread in threads:
        thread.start()
    time.sleep(3)
    victim = stack.web[0]
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    stack.web[0] = stack.start_web()  # the process manager restarts it
    for thread in threads:
        thread.join(timeout=300)
    time.sleep(3)
    reconnected = sum(connected)
    loop.call_soon_threadsafe(stop.set)
    ws_thread.join(timeout=30)

    stored = stored_bodies("fault-kill")
    lost = set(acknowledged) - set(stored)
    duplicates = len(stored) - len(set(stored))
    expected = POSTERS * POSTS_EACH
    record(
        "kill -9 a web process while posting",
        not lost
        and duplicates == 0
        and len(set(stored)) == expected
        and reconnected == len(connected),
        f"{len(acknowledged)} acknowledged, {len(set(stored))}/{expected} stored, "
        f"{len(lost)} lost, {duplicates} duplicated; websockets reconnected "
        f"{reconnected}/{len(connected)}",
    )


def scenario_redis_outage(stack: Stack, redis: Redis, facts: dict) -> None:
    async def last_notification_id() -> int:
        ws = await ws_connect(stack.base, facts["watcher"])
        await ws.send(json.dumps({"type": "sync", "last_id": 0}))
        message = json.loads(await asyncio.wait_for(ws.recv(), 5))
        await ws.close()
        items = message.get("items", [])
        return items[-1]["id"] if items else 0

    async def missed_since(last_id: int) -> list:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                ws = await ws_connect(stack.base, facts["watcher"])
                await ws.send(json.dumps({"type": "sync", "last_id": last_id}))
                message = json.loads(await asyncio.wait_for(ws.recv(), 5))
                await ws.close()
                if message.get("items"):
                    return message["items"]
            except Exception:  # noqa: BLE001 - retry until the deadline
                pass
            await asyncio.sleep(1)
        return []

    before = asyncio.run(last_notification_id())
    redis.stop()
    statuses: dict[int, int] = {}
    acknowledged: list[str] = []
    lock = threading.Lock()
    started = time.monotonic()
    n = 0
    while time.monotonic() - started < REDIS_OUTAGE:
        for path in ("/", facts["topic_url"], "/toolkits/"):
            status = request(stack.base + path, facts["sessions"][1])
            statuses[status] = statuses.get(status, 0) + 1
        post_until_answered(
            stack.base,
            facts["topic_url"],
            facts["sessions"][n % POSTERS],
            f"fault-redis n{n}",
            acknowledged,
            lock,
        )
        n += 1
    pages_ok = set(statuses) == {200}
    redis.start()
    missed = asyncio.run(missed_since(before))
    stored = stored_bodies("fault-redis")
    record(
        f"Redis down for {REDIS_OUTAGE} s",
        pages_ok
        and len(acknowledged) == n
        and set(stored) == set(acknowledged)
        and bool(missed),
        f"page answers {statuses}, {len(acknowledged)}/{n} posts accepted and "
        f"stored {len(stored)}; {len(missed)} notification(s) caught up on resync",
    )


def scenario_postgres_restart(stack: Stack, postgres: Postgres, facts: dict) -> None:
    statuses: dict[int, int] = {}
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            status = request(stack.base + facts["topic_url"], facts["sessions"][2])
            statuses[status] = statuses.get(status, 0) + 1
            time.sleep(0.05)

    readers = [threading.Thread(target=reader) for _ in range(4)]
    for thread in readers:
        thread.start()
    time.sleep(2)
    postgres.ctl("stop", "-m", "fast")
    time.sleep(5)
    postgres.ctl("start")
    time.sleep(2)
    stop.set()
    for thread in readers:
        thread.join()
    after = [
        request(stack.base + facts["topic_url"], facts["sessions"][2])
        for _ in range(20)
    ]
    record(
        "PostgreSQL stopped for 5 s and started again",
        500 not in statuses and set(after) == {200},
        f"answers during the restart {statuses}; after it {sorted(set(after))} "
        "(web processes not restarted)",
    )


def main() -> None:
    for tool in ("redis-server", str(PG_BIN / "initdb")):
        if not shutil.which(tool) and not Path(tool).exists():
            sys.exit(f"bench_faults.py needs {tool}")
    workdir = Path(tempfile.mkdtemp(prefix="chm-faults-"))
    postgres = Postgres(workdir)
    postgres.ctl("start")
    redis = Redis()
    redis.start()
    stack = None
    try:
        as_postgres(
            [
                str(PG_BIN / "createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(postgres.port),
                "chm_faults",
            ]
        )
        facts = prepare(postgres.url)
        from django.conf import settings

        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "chm.settings.production",
            "DJANGO_SECRET_KEY": settings.SECRET_KEY,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": postgres.url,
            "DATABASE_POOL_MAX_SIZE": "10",
            "REDIS_URL": redis.url,
            "CHM_TASKS_BACKEND": "django_tasks_db.backend.DatabaseBackend",
            "LOG_LEVEL": "WARNING",
        }
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        stack = Stack(env, workdir / "stack.log")
        print(f"stack up on {stack.base}; logs in {workdir}", flush=True)
        scenario_kill_worker(stack, facts)
        scenario_redis_outage(stack, redis, facts)
        scenario_postgres_restart(stack, postgres, facts)
    finally:
        if stack:
            stack.stop()
        if redis.process and redis.process.poll() is None:
            redis.stop()
        postgres.ctl("stop", "-m", "fast")
    failed = [name for name, passed, _ in RESULTS if not passed]
    print(f"{len(RESULTS) - len(failed)}/{len(RESULTS)} fault scenarios passed")
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
