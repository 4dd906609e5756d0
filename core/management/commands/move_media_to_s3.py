"""Copy an existing site's uploads from the local disk to the bucket.

    CHM_MEDIA_S3_BUCKET=... python manage.py move_media_to_s3

MEDIA_ROOT goes to the public media storage (`media/` in the bucket) and
CHM_PRIVATE_MEDIA_ROOT to the private one (`private/`), each file under the
same name, so the database needs no change. An object already in the bucket
with the same size (and, for objects uploaded in one part, the same MD5 as
its ETag) is skipped: the command can be stopped and run again, and a second
run copies nothing. The local files are left in place; remove them once the
site runs on the bucket.
"""

import hashlib
from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError

from core.object_storage import (
    STORAGE_ERRORS,
    in_bucket,
    is_missing,
    object_key,
    put_file,
    unwrap,
)

BAR_WIDTH = 30


def local_md5(path: Path) -> str:
    digest = hashlib.md5(usedforsecurity=False)
    with path.open("rb") as handle:
        while chunk := handle.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def already_there(storage, name: str, path: Path, size: int) -> bool:
    storage = unwrap(storage)
    try:
        head = storage.connection.meta.client.head_object(
            Bucket=storage.bucket_name, Key=object_key(storage, name)
        )
    except STORAGE_ERRORS as error:
        if getattr(error, "response", None) and is_missing(error):
            return False
        raise
    if head.get("ContentLength") != size:
        return False
    etag = head.get("ETag", "").strip('"')
    if "-" in etag or not etag:  # a multipart upload: its ETag is no MD5
        return True
    return etag == local_md5(path)


def human_bytes(count: float) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if count < 1000 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000
    return f"{count} B"


class Progress:
    """A one-line progress bar: files and bytes done out of the total."""

    def __init__(self, out, files: int, size: int):
        self.out, self.files, self.size = out, files, size
        self.done_files = self.done_bytes = self.copied = self.skipped = 0
        self.tty = hasattr(out, "isatty") and out.isatty()

    def step(self, size: int, copied: bool) -> None:
        self.done_files += 1
        self.done_bytes += size
        if copied:
            self.copied += 1
        else:
            self.skipped += 1
        if self.tty or self.done_files == self.files or self.done_files % 100 == 0:
            self.show()

    def show(self) -> None:
        share = self.done_bytes / self.size if self.size else 1.0
        filled = int(share * BAR_WIDTH)
        line = (
            f"[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] "
            f"{self.done_files}/{self.files} files, "
            f"{human_bytes(self.done_bytes)}/{human_bytes(self.size)} "
            f"({self.copied} copied, {self.skipped} already there)"
        )
        self.out.write(("\r" + line) if self.tty else line, ending="")
        if not self.tty:
            self.out.write("")
        self.out.flush()


class Command(BaseCommand):
    help = (
        "Copy the local media and private files to the bucket (CHM_MEDIA_S3_*); "
        "files already there are skipped, so it can be resumed."
    )

    def handle(self, *args, **options):
        targets = [
            (Path(settings.MEDIA_ROOT), storages["default"]),
            (Path(settings.CHM_PRIVATE_MEDIA_ROOT), storages["private"]),
        ]
        if not all(in_bucket(storage) for _root, storage in targets):
            raise CommandError(
                "The media are not on a bucket: set CHM_MEDIA_S3_BUCKET (and "
                "CHM_MEDIA_S3_ENDPOINT_URL, keys) first."
            )
        files = [
            (path, path.relative_to(root).as_posix(), storage)
            for root, storage in targets
            if root.is_dir()
            for path in sorted(root.rglob("*"))
            if path.is_file()
        ]
        sizes = [path.stat().st_size for path, _name, _storage in files]
        progress = Progress(self.stdout, len(files), sum(sizes))
        try:
            for (path, name, storage), size in zip(files, sizes, strict=True):
                if already_there(storage, name, path, size):
                    progress.step(size, copied=False)
                    continue
                put_file(storage, name, path)
                progress.step(size, copied=True)
        except STORAGE_ERRORS as error:
            if progress.tty:
                self.stdout.write("")
            raise CommandError(
                f"The bucket cannot be written ({error}). What was copied stays; "
                "run the command again to go on."
            ) from error
        if progress.tty:
            self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"{progress.copied} files copied to the bucket, "
                f"{progress.skipped} already there."
            )
        )
