"""Upload and download throughput through the site, uploads on a local S3
server (moto_server over HTTP on loopback) against the local disk, in the
same run; the figures and their ratios.

Uploads are toolkit proposals (the proposal form: checks, a new page and its
revision, the file stored); downloads are the toolkit download view
(publication check, counting, streaming). Both go through the whole
middleware stack in this process (Django's test client), so the difference
between the two backends is the storage alone. Everything is written inside
a transaction that is rolled back: the bench database keeps nothing.

    BENCH_STORAGE_FILE_MB (default 4), BENCH_STORAGE_UPLOADS (8),
    BENCH_STORAGE_DOWNLOADS (24)
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _setup import setup

FILE_MB = float(os.environ.get("BENCH_STORAGE_FILE_MB", "4"))
UPLOADS = int(os.environ.get("BENCH_STORAGE_UPLOADS", "8"))
DOWNLOADS = int(os.environ.get("BENCH_STORAGE_DOWNLOADS", "24"))


class Rollback(Exception):
    pass


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_moto(log: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = Path(sys.executable).parent / "moto_server"
    with log.open("ab") as out:
        server = subprocess.Popen(  # noqa: S603
            [str(command), "-H", "127.0.0.1", "-p", str(port)], stdout=out, stderr=out
        )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return server, f"http://127.0.0.1:{port}"
        time.sleep(0.1)
    server.kill()
    raise RuntimeError("moto_server did not start")


def pdf_of(size: int) -> bytes:
    head = b"%PDF-1.4\n"
    return head + b"%" + b"x" * (size - len(head) - 1)


def measure(label: str, storages: dict, media: Path, content: bytes) -> dict:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client, override_settings

    from tests.factories import login, proposal_form
    from tests.factories.pages import build_network
    from tests.factories.toolkits import ToolkitLibraryPageFactory
    from tests.factories.users import UserFactory
    from toolkits.models import ToolkitPage, ToolkitResource

    overrides = {
        "STORAGES": storages,
        "MEDIA_ROOT": media / "media",
        "CHM_PRIVATE_MEDIA_ROOT": media / "private-media",
        "CHM_PROPOSAL_RATE_LIMIT": "100000/h",
        "TOOLKIT_MAX_UPLOAD_BYTES": len(content) + 1,
        "CHM_PAGE_CACHE_SECONDS": 0,
    }
    result = {}
    from django.core.cache import cache
    from django.db import transaction

    try:
        with override_settings(**overrides), transaction.atomic():
            cache.clear()
            network = build_network()
            library = ToolkitLibraryPageFactory(parent=network.home)
            member = login(UserFactory(username=f"bench-{label}"))
            start = time.perf_counter()
            for n in range(UPLOADS):
                form = proposal_form(
                    library,
                    title=f"Bench toolkit {n}",
                    file=SimpleUploadedFile("bench.pdf", content, "application/pdf"),
                )
                response = member.post("/toolkits/propose/", form)
                assert response.status_code == 302, response.status_code
            upload_seconds = time.perf_counter() - start

            page = ToolkitPage.objects.get(title="Bench toolkit 0")
            page.save_revision().publish()
            resource = page.resources.get(kind=ToolkitResource.Kind.DOCUMENT)
            url = resource.get_download_url()
            start = time.perf_counter()
            for n in range(DOWNLOADS):
                response = Client(REMOTE_ADDR=f"192.0.2.{n + 1}").get(url)
                received = sum(len(chunk) for chunk in response.streaming_content)
                assert received == len(content)
            download_seconds = time.perf_counter() - start
            resource.refresh_from_db()
            assert resource.download_count == DOWNLOADS
            megabytes = len(content) / 1e6
            result = {
                "upload_mb_s": UPLOADS * megabytes / upload_seconds,
                "uploads_s": UPLOADS / upload_seconds,
                "download_mb_s": DOWNLOADS * megabytes / download_seconds,
                "downloads_s": DOWNLOADS / download_seconds,
            }
            raise Rollback
    except Rollback:
        pass
    return result


def main() -> None:
    os.environ.setdefault(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/chm_bench_storage"
    )
    os.environ.pop("REDIS_URL", None)
    setup()
    import boto3

    from chm.settings.base import STORAGES, s3_media_storages

    content = pdf_of(int(FILE_MB * 1e6))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        server, endpoint = start_moto(work / "moto.log")
        try:
            config = {
                "bucket_name": "chm-bench",
                "endpoint_url": endpoint,
                "region_name": "us-east-1",
                "access_key": "bench",
                "secret_key": "bench",
            }
            boto3.client(
                "s3",
                endpoint_url=endpoint,
                region_name="us-east-1",
                aws_access_key_id="bench",
                aws_secret_access_key="bench",
            ).create_bucket(Bucket="chm-bench")
            local = measure("disk", dict(STORAGES), work / "disk", content)
            bucket = measure(
                "s3",
                {**STORAGES, **s3_media_storages(config)},
                work / "s3",
                content,
            )
        finally:
            server.terminate()
            server.wait(timeout=10)

    print(
        f"{UPLOADS} uploads and {DOWNLOADS} downloads of a {FILE_MB:g} MB file "
        "through the site (toolkit proposal form, download view)"
    )
    print(f"{'':24}{'local disk':>14}{'S3 (moto)':>14}{'S3 / disk':>12}")
    rows = [
        ("upload MB/s", "upload_mb_s"),
        ("uploads/s", "uploads_s"),
        ("download MB/s", "download_mb_s"),
        ("downloads/s", "downloads_s"),
    ]
    for name, key in rows:
        ratio = bucket[key] / local[key]
        print(f"{name:24}{local[key]:>14.1f}{bucket[key]:>14.1f}{ratio:>12.2f}")


if __name__ == "__main__":
    main()
