"""The deployment the docs describe, run for real: daphne started with the
flags of docs/deployment.md's systemd unit and the environment it lists,
reached on its Unix socket with the headers its nginx configuration writes.

The reported bypass: `daphne --proxy-headers` behind nginx's
`$proxy_add_x_forwarded_for` took the first, client-written entry of
X-Forwarded-For as the client, so 22 password resets with changing headers
all went through.
"""

import http.client
import os
import re
import shlex
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEPLOYMENT = (ROOT / "docs" / "deployment.md").read_text(encoding="utf-8")
REAL_CLIENT = "203.0.113.7"


class UnixConnection(http.client.HTTPConnection):
    def __init__(self, path: str):
        super().__init__("localhost")
        self.path = path

    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(self.path)


def documented_daphne_arguments(socket_path: str) -> list[str]:
    line = next(
        line
        for line in DEPLOYMENT.splitlines()
        if re.match(r"ExecStart=.*daphne", line)
    )
    words = shlex.split(line.split("=", 1)[1])
    arguments = words[words.index(next(w for w in words if w.endswith("daphne"))) + 1 :]
    return [socket_path if word.startswith("/run/chm/") else word for word in arguments]


def documented_environment() -> dict[str, str]:
    match = re.search(r"^CHM_TRUSTED_PROXIES=(.*)$", DEPLOYMENT, re.MULTILINE)
    return {"CHM_TRUSTED_PROXIES": match.group(1).strip() if match else ""}


def forwarded_for(spoofed: str) -> str:
    """X-Forwarded-For as the documented nginx sends it, for a client at
    REAL_CLIENT that wrote `spoofed` into the header itself."""
    setting = re.search(r"proxy_set_header X-Forwarded-For (\S+);", DEPLOYMENT)
    if setting.group(1) == "$proxy_add_x_forwarded_for":
        return f"{spoofed}, {REAL_CLIENT}"
    assert setting.group(1) == "$remote_addr", setting.group(0)
    return REAL_CLIENT


@contextmanager
def documented_daphne(tmp_path: Path):
    socket_path = str(tmp_path / "web.sock")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "chm.settings.test",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **documented_environment(),
    }
    # One process, its own local-memory cache: nothing shared with other tests.
    env.pop("REDIS_URL", None)
    process = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "daphne", *documented_daphne_arguments(socket_path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while not os.path.exists(socket_path):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(process.stderr.read().decode()[-2000:])
            time.sleep(0.2)
        yield socket_path
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def test_password_resets_with_changing_forwarded_for_are_limited_as_deployed(
    tmp_path,
):
    statuses = []
    with documented_daphne(tmp_path) as socket_path:
        for i in range(22):
            connection = UnixConnection(socket_path)
            connection.request(
                "POST",
                "/accounts/password/reset/",
                body="email=nobody%40example.org",
                headers={
                    "Host": "localhost",
                    "Content-Type": "application/x-www-form-urlencoded",
                    "X-Forwarded-For": forwarded_for(f"198.51.100.{i}"),
                },
            )
            statuses.append(connection.getresponse().status)
            connection.close()
    # The first 20 pass the limiter (and are refused for want of a CSRF
    # token: nothing is sent); the 21st and 22nd are held back.
    assert statuses.count(429) == 2, statuses
