"""Two web hosts that share nothing but PostgreSQL, Redis and the bucket:
each a daphne process with its own, empty, local media folders. What one
host receives, the other serves, renders and backs up."""

import secrets
import subprocess
import sys
import tarfile
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

import pytest
from wagtail.images import get_image_model

from tests.factories import PDF, proposal_form
from tests.live import (
    ROOT,
    asgi_server,
    needs_postgres,
    needs_redis,
    session_id,
    shared_database_url,
)
from toolkits.models import ToolkitPage, ToolkitResource

from .conftest import local_files
from .test_uploads import png

pytestmark = [
    needs_postgres,
    needs_redis,
    pytest.mark.multihost,
    pytest.mark.django_db(transaction=True),
]
TIMEOUT = 15


def host_env(s3, bucket: str, home) -> dict[str, str]:
    return {
        "CHM_MEDIA_S3_BUCKET": bucket,
        "CHM_MEDIA_S3_ENDPOINT_URL": s3.endpoint,
        "CHM_MEDIA_S3_REGION": "us-east-1",
        "CHM_MEDIA_S3_ACCESS_KEY_ID": "chm-test-key",
        "CHM_MEDIA_S3_SECRET_ACCESS_KEY": "chm-test-secret",
        "CHM_MEDIA_ROOT": str(home / "media"),
        "CHM_PRIVATE_MEDIA_ROOT": str(home / "private-media"),
    }


def multipart(fields: dict) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            if hasattr(item, "read"):
                item.seek(0)
                head = (
                    f'Content-Disposition: form-data; name="{name}"; '
                    f'filename="{item.name}"\r\n'
                    "Content-Type: application/octet-stream"
                )
                data = item.read()
            else:
                head = f'Content-Disposition: form-data; name="{name}"'
                data = str(item).encode()
            parts.append(f"--{boundary}\r\n{head}\r\n\r\n".encode() + data + b"\r\n")
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def post_form(url: str, user, fields: dict) -> int:
    """POST `fields` as `user` (a shared session), with a CSRF token."""
    token = secrets.token_hex(16)  # 32 characters: an unmasked token
    body, content_type = multipart({**fields, "csrfmiddlewaretoken": token})
    request = urllib.request.Request(  # noqa: S310
        url,
        data=body,
        headers={
            "Content-Type": content_type,
            "Cookie": f"sessionid={session_id(user)}; csrftoken={token}",
        },
    )
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=TIMEOUT) as answer:
            return answer.status
    except urllib.error.HTTPError as answer:
        return answer.code


def get(url: str, user=None) -> tuple[int, dict, bytes]:
    headers = {"Cookie": f"sessionid={session_id(user)}"} if user else {}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310
    with urllib.request.urlopen(request, timeout=TIMEOUT) as answer:  # noqa: S310
        return answer.status, dict(answer.headers), answer.read()


@contextmanager
def two_hosts(env_a: dict, env_b: dict, logs):
    """Both daphne processes, started at the same time (each takes seconds)."""
    servers = [
        asgi_server(env_a, log=logs / "a.log"),
        asgi_server(env_b, log=logs / "b.log"),
    ]
    started = []
    with ThreadPoolExecutor(max_workers=2) as pool:
        futures = [pool.submit(server.__enter__) for server in servers]
        errors = []
        for server, future in zip(servers, futures, strict=True):
            try:
                started.append((server, future.result(timeout=60)))
            except Exception as error:  # noqa: BLE001 - stop the other, then raise
                errors.append(error)
    try:
        if errors:
            raise errors[0]
        yield tuple(url for _server, url in started)
    finally:
        for server, _url in started:
            server.__exit__(None, None, None)


def test_what_host_a_receives_host_b_serves_renders_and_backs_up(
    s3, bucket, library, people, tmp_path
):
    staff = people.staff
    home_a, home_b = tmp_path / "host-a", tmp_path / "host-b"
    with two_hosts(
        host_env(s3, bucket, home_a), host_env(s3, bucket, home_b), tmp_path
    ) as (host_a, host_b):
        # Host A receives a toolkit file and an image.
        form = proposal_form(library)
        del form["file"]
        form["file"] = _named("guide.pdf", PDF)
        assert post_form(f"{host_a}/toolkits/propose/", people.member, form) == 302
        image_status = post_form(
            f"{host_a}/admin/images/add/",
            staff,
            {"title": "Mangroves", "file": _named("mangroves.png", png())},
        )
        assert image_status == 302, (tmp_path / "a.log").read_text()[-3000:]

        page = ToolkitPage.objects.get(title="Guide du site national")
        page.save_revision().publish()
        resource = page.resources.get(kind=ToolkitResource.Kind.DOCUMENT)

        # Host B hands the toolkit file out, and counts it.
        status, headers, data = get(host_b + resource.get_download_url())
        assert (status, data) == (200, PDF)
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Content-Disposition"].startswith("attachment;")
        resource.refresh_from_db()
        assert resource.download_count == 1

        # Host B renders the image (the admin's listing makes thumbnails)
        # and serves the rendition.
        status, _headers, _data = get(f"{host_b}/admin/images/", staff)
        assert status == 200
        image = get_image_model().objects.get(title="Mangroves")
        rendition = image.renditions.first()
        assert rendition is not None
        status, headers, data = get(host_b + rendition.url)
        assert status == 200
        assert headers["Content-Type"] == "image/png"
        assert data[:8] == b"\x89PNG\r\n\x1a\n"

    # Host B's backup (its environment, its empty folders) holds both files.
    archive = tmp_path / "host-b.tar.gz"
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "backup", str(archive)],
        cwd=ROOT,
        env={
            **_environ(),
            "DJANGO_SETTINGS_MODULE": "chm.settings.test",
            "DATABASE_URL": shared_database_url(),
            **host_env(s3, bucket, home_b),
        },
        check=True,
        capture_output=True,
        timeout=60,
    )
    with tarfile.open(archive) as saved:
        names = saved.getnames()
    assert f"private-media/{resource.file.name}" in names
    assert f"media/{image.file.name}" in names
    assert f"media/{rendition.file.name}" in names
    assert not local_files(home_a, home_b)


def _environ() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}


def _named(name: str, content: bytes):
    import io

    handle = io.BytesIO(content)
    handle.name = name
    return handle
