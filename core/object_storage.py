"""Uploads on an S3-compatible object store (AWS S3, MinIO, Ceph, Garage,
Scaleway, OVH, ...), through django-storages and boto3.

Chosen by the environment alone (CHM_MEDIA_S3_BUCKET and its neighbours,
chm/settings/base.py). Everything uploaded goes to one bucket:

- `media/`: what Wagtail stores (images, their renditions, documents),
  the "default" storage;
- `private/`: toolkit files, the "private" storage.

Every object is private (no ACL is sent; the bucket has no public policy).
Nothing in the bucket is read without the application:

- public images and renditions are streamed by `core.media_files.public_media`
  at their usual /media/ address, which the proxy or a CDN may cache; with
  CHM_MEDIA_S3_CUSTOM_DOMAIN their addresses point at that CDN instead, which
  reads the bucket with credentials of its own;
- documents by Wagtail's serve view (collection privacy), toolkit files by
  the download view (publication, counting): both stream through the
  application, so the headers they set (attachment, `nosniff`, a sandboxing
  CSP) and the counting hold. A presigned URL would hand the object to
  whoever holds it until it expires, uncounted after the first time, with
  only the headers the store chooses to send.

When the store cannot be reached, boto3's errors (`STORAGE_ERRORS`) become a
form error on upload forms and a 503 everywhere else (core/middleware.py).
"""

import mimetypes
import os
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO

import boto3
from asgiref.sync import sync_to_async
from boto3.exceptions import Boto3Error
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import StreamingHttpResponse
from django.utils.encoding import filepath_to_uri
from django.utils.functional import LazyObject, empty
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

# Whatever boto3 raises when the store is down, slow, refuses our keys or
# has lost the bucket.
STORAGE_ERRORS = (BotoCoreError, Boto3Error, ClientError)

CHUNK_BYTES = 256 * 1024
MISSING_CODES = {"404", "NoSuchKey", "NotFound"}


def client_config() -> Config:
    """Fail fast when the store is down: a page waits seconds, not minutes."""
    return Config(
        connect_timeout=3,
        read_timeout=30,
        retries={"max_attempts": 2, "mode": "standard"},
    )


class MediaStorage(S3Storage):
    """Wagtail's images, renditions and documents: the "default" storage."""

    location = "media"
    default_acl = None  # private objects: no ACL, the bucket's own (private)
    file_overwrite = False  # two uploads named alike keep both
    querystring_auth = False

    def __init__(self, **options):
        options.setdefault("client_config", client_config())
        super().__init__(**options)

    def url(self, name, parameters=None, expire=None, http_method=None):
        if self.custom_domain:
            return super().url(name, parameters, expire, http_method)
        # Streamed by the application (core/media_files.py) for the public
        # folders; documents have their own serve view.
        return settings.MEDIA_URL + filepath_to_uri(clean_name(name))


class PrivateMediaStorage(S3Storage):
    """Toolkit files: the "private" storage. No address of their own."""

    location = "private"
    default_acl = None
    file_overwrite = False
    custom_domain = None

    def __init__(self, **options):
        options.setdefault("client_config", client_config())
        super().__init__(**options)

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise NotImplementedError("Private files have no URL; serve them by a view.")


def unwrap(storage):
    if isinstance(storage, LazyObject):
        if storage._wrapped is empty:
            storage._setup()
        return storage._wrapped
    return storage


def in_bucket(storage) -> bool:
    return isinstance(unwrap(storage), S3Storage)


def object_key(storage, name: str) -> str:
    return unwrap(storage)._normalize_name(clean_name(name))


def is_missing(error: ClientError) -> bool:
    code = str(error.response.get("Error", {}).get("Code", ""))
    status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    return code in MISSING_CODES or status == 404


def reachable(storage) -> bool:
    """Whether the bucket answers (a HEAD on it); local folders always do."""
    storage = unwrap(storage)
    if not isinstance(storage, S3Storage):
        return True
    try:
        storage.connection.meta.client.head_bucket(Bucket=storage.bucket_name)
    except STORAGE_ERRORS:
        return False
    return True


@dataclass
class OpenedFile:
    """A stored file opened for streaming: its bytes, size and ETag."""

    body: IO[bytes]
    size: int | None
    etag: str = ""

    def chunks(self) -> Iterator[bytes]:
        try:
            while chunk := self.body.read(CHUNK_BYTES):
                yield chunk
        finally:
            self.body.close()

    async def achunks(self) -> AsyncIterator[bytes]:
        # Each read in a worker thread of its own: a slow store holds no
        # other request's thread.
        read = sync_to_async(self.body.read, thread_sensitive=False)
        try:
            while chunk := await read(CHUNK_BYTES):
                yield chunk
        finally:
            await sync_to_async(self.body.close, thread_sensitive=False)()


def open_stored(storage, name: str) -> OpenedFile:
    """Open a stored file for streaming, without reading it all first.

    Raises FileNotFoundError when it is not there, and one of
    STORAGE_ERRORS when the store cannot be reached: before any byte of a
    response is sent, so the view can still answer 404 or 503."""
    storage = unwrap(storage)
    if isinstance(storage, S3Storage):
        try:
            answer = storage.connection.meta.client.get_object(
                Bucket=storage.bucket_name, Key=object_key(storage, name)
            )
        except ClientError as error:
            if is_missing(error):
                raise FileNotFoundError(name) from error
            raise
        return OpenedFile(
            answer["Body"], answer.get("ContentLength"), answer.get("ETag", "")
        )
    handle = storage.open(name, "rb")
    return OpenedFile(handle, os.fstat(handle.fileno()).st_size)


def streaming_response(request, opened: OpenedFile, content_type: str = ""):
    """A response that streams `opened`: chunk by chunk from the store under
    ASGI (daphne), without holding the whole file in memory."""
    asgi = request.__class__.__name__ == "ASGIRequest"
    response = StreamingHttpResponse(
        opened.achunks() if asgi else opened.chunks(),
        content_type=content_type or "application/octet-stream",
    )
    if opened.size is not None:
        response["Content-Length"] = str(opened.size)
    # Closed with the response even if never read (HEAD, a client gone):
    # the file handle or the store's connection goes back at once.
    response._resource_closers.append(opened.body.close)
    return response


def guess_type(name: str) -> str:
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def local_root(storage):
    """The folder of a storage on the local disk; None for a bucket."""
    storage = unwrap(storage)
    if isinstance(storage, FileSystemStorage):
        return storage.location
    return None


@dataclass
class StoredObject:
    name: str  # relative to the storage's folder in the bucket
    size: int
    etag: str
    modified: datetime


def bucket_objects(storage) -> Iterator[StoredObject]:
    """Every object of a bucket storage (under its folder), in key order."""
    storage = unwrap(storage)
    prefix = storage.location.strip("/") + "/" if storage.location else ""
    pages = storage.connection.meta.client.get_paginator("list_objects_v2")
    for page in pages.paginate(Bucket=storage.bucket_name, Prefix=prefix):
        for entry in page.get("Contents", ()):
            yield StoredObject(
                entry["Key"][len(prefix) :],
                entry["Size"],
                entry.get("ETag", ""),
                entry["LastModified"],
            )


def put_file(storage, name: str, path: Path) -> None:
    """Upload the local file `path` as `name`, replacing what was there
    (`storage.save` would pick a new name instead)."""
    storage = unwrap(storage)
    storage.connection.meta.client.upload_file(
        str(path),
        storage.bucket_name,
        object_key(storage, name),
        ExtraArgs={"ContentType": guess_type(name)},
        Config=storage.transfer_config,
    )


def bucket_client(config: dict):
    """A boto3 S3 client for a bucket described as in settings (CHM_BACKUP_S3)."""
    return boto3.session.Session(
        aws_access_key_id=config.get("access_key"),
        aws_secret_access_key=config.get("secret_key"),
    ).client(
        "s3",
        endpoint_url=config.get("endpoint_url"),
        region_name=config.get("region_name"),
        config=client_config(),
    )
