"""A real S3-compatible server for the storage tests: moto in server mode
(`moto_server`, installed with requirements-dev.txt), started once per test
session on a free loopback port and spoken to over HTTP, as a production
bucket would be. Each test gets a bucket of its own and switches STORAGES to
it with `settings`, so every other test keeps the local disk."""

import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import boto3
import pytest

from chm.settings.base import s3_media_storages
from core.object_storage import client_config
from tests.live import free_port

KEYS = {"access_key": "chm-test-key", "secret_key": "chm-test-secret"}
REGION = "us-east-1"


def moto_server_command() -> list[str]:
    beside_python = Path(sys.executable).parent / "moto_server"
    if beside_python.exists():
        return [str(beside_python)]
    return [sys.executable, "-m", "moto.server"]


class S3Server:
    """One `moto_server` process on 127.0.0.1; stop() and start() it again
    on the same port to take the store down and bring it back."""

    def __init__(self, log: Path):
        self.port = free_port()
        self.log = log
        self.process = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(  # noqa: S603
                [*moto_server_command(), "-H", "127.0.0.1", "-p", str(self.port)],
                stdout=log,
                stderr=log,
            )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(self.log.read_text()[-2000:])
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("moto_server did not start in 20 s")

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None

    def client(self):
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            region_name=REGION,
            aws_access_key_id=KEYS["access_key"],
            aws_secret_access_key=KEYS["secret_key"],
            config=client_config(),
        )


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    server = S3Server(tmp_path_factory.mktemp("moto") / "moto_server.log")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def s3(s3_server):
    """The running server, restarted if a test stopped it."""
    if s3_server.process is None:
        s3_server.start()
    yield s3_server
    if s3_server.process is None:
        s3_server.start()


def bucket_config(server: S3Server, name: str) -> dict:
    return {
        "bucket_name": name,
        "endpoint_url": server.endpoint,
        "region_name": REGION,
        **KEYS,
    }


def new_bucket(server: S3Server) -> str:
    name = f"chm-{uuid.uuid4().hex[:12]}"
    server.client().create_bucket(Bucket=name)
    return name


@pytest.fixture
def bucket(s3, settings, tmp_path):
    """A new bucket holding every upload of this test (STORAGES switched to
    it); the local media folders stay empty."""
    name = new_bucket(s3)
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        **s3_media_storages(bucket_config(s3, name)),
    }
    return name


def keys(server: S3Server, bucket: str) -> list[str]:
    listing = server.client().list_objects_v2(Bucket=bucket)
    return sorted(entry["Key"] for entry in listing.get("Contents", ()))


def local_files(*roots: Path) -> list[Path]:
    return [
        p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()
    ]
