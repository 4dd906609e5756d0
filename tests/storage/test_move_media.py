"""`move_media_to_s3` copies the local uploads to the bucket, once."""

import io

import pytest
from django.core.management import CommandError, call_command

from .conftest import keys


def move(**kwargs) -> str:
    out = io.StringIO()
    call_command("move_media_to_s3", stdout=out, **kwargs)
    return out.getvalue()


def test_it_copies_everything_once_and_a_second_run_copies_nothing(
    s3, bucket, settings
):
    media, private = settings.MEDIA_ROOT, settings.CHM_PRIVATE_MEDIA_ROOT
    (media / "original_images").mkdir(parents=True)
    (media / "documents").mkdir()
    (private / "toolkits" / "2026" / "01").mkdir(parents=True)
    (media / "original_images" / "a.png").write_bytes(b"\x89PNG" + b"a" * 500)
    (media / "documents" / "guide.pdf").write_bytes(b"%PDF-1.4 guide")
    (private / "toolkits" / "2026" / "01" / "kit.pdf").write_bytes(b"%PDF kit")

    first = move()
    assert "3 files copied to the bucket, 0 already there" in first
    assert "3/3 files" in first  # the progress line, counts and bytes
    assert "526 B/526 B" in first
    assert keys(s3, bucket) == [
        "media/documents/guide.pdf",
        "media/original_images/a.png",
        "private/toolkits/2026/01/kit.pdf",
    ]
    body = s3.client().get_object(Bucket=bucket, Key="private/toolkits/2026/01/kit.pdf")
    assert body["Body"].read() == b"%PDF kit"

    second = move()
    assert "0 files copied to the bucket, 3 already there" in second

    # A file changed since (same size, other bytes) is copied again.
    (media / "documents" / "guide.pdf").write_bytes(b"%PDF-1.4 GUIDE")
    assert "1 files copied to the bucket, 2 already there" in move()


def test_it_refuses_when_the_media_are_not_on_a_bucket():
    with pytest.raises(CommandError, match="CHM_MEDIA_S3_BUCKET"):
        move()
