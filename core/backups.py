"""Backups a small Secretariat team can make and restore with one command.

One archive holds everything that is not code: the database (a pg_dump
custom-format dump on PostgreSQL, a consistent SQLite copy on the embedded
default), the uploaded media files, the private files (toolkit files, kept
outside MEDIA_ROOT), and a manifest saying what was saved. Files come from
wherever the storages keep them: local folders, or the objects of a bucket
(core/object_storage.py), and go back there on restore. The archive itself
may also be kept in a bucket (CHM_BACKUP_S3_*: `upload_backup`).
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import storages
from django.db import connection

from .object_storage import (
    STORAGE_ERRORS,
    bucket_client,
    bucket_objects,
    local_root,
    open_stored,
    put_file,
)

FORMAT = "chm-commons-backup/1"
COUNTED_MODELS = [
    "community.User",
    "wagtailcore.Page",
    "forum.Topic",
    "forum.Post",
    "notifications.Notification",
    "wagtaildocs.Document",
]


class BackupError(Exception):
    """A backup or restore could not be completed; nothing was changed."""


def _pg_env() -> tuple[dict, list[str]]:
    db = connection.settings_dict
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    args = ["--dbname", db["NAME"]]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    return env, args


def _run(command: list[str], env: dict) -> None:
    try:
        subprocess.run(command, env=env, check=True, capture_output=True)  # noqa: S603
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed") from error
    except subprocess.CalledProcessError as error:
        raise BackupError(
            f"{command[0]} failed: {error.stderr.decode(errors='replace')[-500:]}"
        ) from error


def model_counts() -> dict[str, int]:
    return {label: apps.get_model(label).objects.count() for label in COUNTED_MODELS}


def _dump_database(directory: Path) -> str:
    if connection.vendor == "postgresql":
        env, args = _pg_env()
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--file",
                str(directory / "database.dump"),
                *args,
            ],
            env,
        )
        return "database.dump"
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(directory / "database.sqlite3")
        try:
            connection.connection.backup(target)  # consistent even while in use
        finally:
            target.close()
        return "database.sqlite3"
    raise BackupError(f"backups of {connection.vendor} are not supported")


def _file_storages() -> dict:
    """The storages of uploaded files, by their name in the archive."""
    return {"media": storages["default"], "private-media": storages["private"]}


def _add_stored_files(archive: tarfile.TarFile, folder: str, storage) -> int:
    """Add every file of `storage` under `folder/`; return how many.

    A local folder is read from the disk; a bucket object by object, streamed
    into the archive, so a host with an empty media folder backs up all of
    them."""
    added = 0
    root = local_root(storage)
    if root is not None:
        root = Path(root)
        if not root.is_dir():
            return 0
        for path in sorted(root.rglob("*")):
            if path.is_file():
                archive.add(path, arcname=f"{folder}/{path.relative_to(root)}")
                added += 1
        return added
    for stored in bucket_objects(storage):
        try:
            opened = open_stored(storage, stored.name)
        except FileNotFoundError:  # deleted since it was listed
            continue
        info = tarfile.TarInfo(f"{folder}/{stored.name}")
        # The size of what is read now, should the object have changed since
        # it was listed.
        info.size = opened.size if opened.size is not None else stored.size
        info.mtime = int(stored.modified.timestamp())
        try:
            archive.addfile(info, opened.body)
        finally:
            opened.body.close()
        added += 1
    return added


def _restore_stored_files(work: Path, folder: str, storage) -> None:
    restored = work / folder
    if not restored.is_dir():
        return
    root = local_root(storage)
    if root is not None:
        root = Path(root)
        root.mkdir(parents=True, exist_ok=True)
        shutil.copytree(restored, root, dirs_exist_ok=True)
        return
    for path in sorted(restored.rglob("*")):
        if path.is_file():
            put_file(storage, path.relative_to(restored).as_posix(), path)


def create_backup(
    destination: Path, progress: Callable[[str], None] = lambda step: None
) -> dict:
    """Write a .tar.gz backup at `destination`; return its manifest."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        progress("database")
        database_file = _dump_database(work)
        manifest = {
            "format": FORMAT,
            "created_at": datetime.now(UTC).isoformat(),
            "database_vendor": connection.vendor,
            "database_file": database_file,
            "counts": model_counts(),
            "media_files": 0,
            "private_files": 0,
        }
        counted = {"media": "media_files", "private-media": "private_files"}
        progress("media")
        with tarfile.open(destination, "w:gz") as archive:
            archive.add(work / database_file, arcname=database_file)
            try:
                for folder, storage in _file_storages().items():
                    manifest[counted[folder]] = _add_stored_files(
                        archive, folder, storage
                    )
            except STORAGE_ERRORS as error:
                raise BackupError(f"the file store cannot be read: {error}") from error
            (work / "manifest.json").write_text(json.dumps(manifest, indent=2))
            archive.add(work / "manifest.json", arcname="manifest.json")
    return manifest


def read_manifest(archive_path: Path) -> dict:
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            manifest = json.load(archive.extractfile("manifest.json"))
    except (OSError, KeyError, tarfile.TarError, ValueError) as error:
        raise BackupError(f"{archive_path} is not a CHM Commons backup") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(f"unknown backup format {manifest.get('format')!r}")
    return manifest


def restore_backup(
    archive_path: Path, progress: Callable[[str], None] = lambda step: None
) -> dict:
    """Replace the database and media with the archive's; return its manifest."""
    manifest = read_manifest(archive_path)
    if manifest["database_vendor"] != connection.vendor:
        raise BackupError(
            f"this backup holds a {manifest['database_vendor']} database; "
            f"the site runs on {connection.vendor}"
        )
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(work, filter="data")
        progress("database")
        database_file = work / manifest["database_file"]
        if connection.vendor == "postgresql":
            connection.close()
            env, args = _pg_env()
            _run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--single-transaction",
                    *args,
                    str(database_file),
                ],
                env,
            )
        else:
            connection.ensure_connection()
            source = sqlite3.connect(database_file)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
        progress("media")
        try:
            for folder, storage in _file_storages().items():
                _restore_stored_files(work, folder, storage)
        except STORAGE_ERRORS as error:
            raise BackupError(
                f"the database was restored, but the files could not be written "
                f"to the file store: {error}. Run the restore again once it is back."
            ) from error
    return manifest


def backup_bucket() -> dict | None:
    return getattr(settings, "CHM_BACKUP_S3", None)


def upload_backup(archive_path: Path) -> str:
    """Copy an archive to the backup bucket (CHM_BACKUP_S3_*); return its key."""
    config = backup_bucket()
    if not config:
        raise BackupError("no backup bucket is set (CHM_BACKUP_S3_BUCKET)")
    key = settings.CHM_BACKUP_S3_PREFIX + archive_path.name
    try:
        bucket_client(config).upload_file(str(archive_path), config["bucket_name"], key)
    except STORAGE_ERRORS as error:
        raise BackupError(f"the backup bucket cannot be written: {error}") from error
    return key


def download_backup(key: str, destination: Path) -> None:
    """Fetch an archive from the backup bucket; `key` may omit the prefix."""
    config = backup_bucket()
    if not config:
        raise BackupError("no backup bucket is set (CHM_BACKUP_S3_BUCKET)")
    prefix = settings.CHM_BACKUP_S3_PREFIX
    if prefix and not key.startswith(prefix):
        key = prefix + key
    try:
        bucket_client(config).download_file(
            config["bucket_name"], key, str(destination)
        )
    except STORAGE_ERRORS as error:
        raise BackupError(
            f"{key} could not be read from the bucket: {error}"
        ) from error
