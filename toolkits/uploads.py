"""What a toolkit resource file may be, checked by extension *and* content.

The same validators run on the proposal form and in the Wagtail admin (they sit
on the model field). A file is accepted only when its extension is on the
allow-list and its bytes are what the extension claims: an HTML page, an SVG or
a script renamed `.pdf`, `.png` or `.txt` is refused. Files are then served as
attachments with `nosniff` and a Content-Type taken from the allow-list.
"""

import codecs
import os
import zipfile
from dataclasses import dataclass

import filetype
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext_lazy as _

DEFAULT_MAX_UPLOAD_BYTES = 25 * 1024 * 1024
MAX_FILENAME_LENGTH = 100
HEAD_BYTES = 8192
TEXT_CHUNK = 64 * 1024
OCTET_STREAM = "application/octet-stream"


@dataclass(frozen=True)
class FileFormat:
    key: str  # also the extension shown to readers
    label: str
    mime: str
    extensions: tuple[str, ...]


FORMATS = {
    f.key: f
    for f in (
        FileFormat("pdf", "PDF", "application/pdf", ("pdf",)),
        FileFormat(
            "docx",
            "Word",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ("docx",),
        ),
        FileFormat(
            "xlsx",
            "Excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ("xlsx",),
        ),
        FileFormat(
            "pptx",
            "PowerPoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            ("pptx",),
        ),
        FileFormat("doc", "Word 97", "application/msword", ("doc",)),
        FileFormat("xls", "Excel 97", "application/vnd.ms-excel", ("xls",)),
        FileFormat("ppt", "PowerPoint 97", "application/vnd.ms-powerpoint", ("ppt",)),
        FileFormat(
            "odt", _("ODF text"), "application/vnd.oasis.opendocument.text", ("odt",)
        ),
        FileFormat(
            "ods",
            _("ODF spreadsheet"),
            "application/vnd.oasis.opendocument.spreadsheet",
            ("ods",),
        ),
        FileFormat(
            "odp",
            _("ODF presentation"),
            "application/vnd.oasis.opendocument.presentation",
            ("odp",),
        ),
        FileFormat("png", "PNG", "image/png", ("png",)),
        FileFormat("jpg", "JPEG", "image/jpeg", ("jpg", "jpeg")),
        FileFormat("gif", "GIF", "image/gif", ("gif",)),
        FileFormat("webp", "WebP", "image/webp", ("webp",)),
        FileFormat("zip", "ZIP", "application/zip", ("zip",)),
        FileFormat("txt", _("Text"), "text/plain", ("txt",)),
        FileFormat("csv", "CSV", "text/csv", ("csv",)),
    )
}
FORMAT_BY_EXTENSION = {ext: f for f in FORMATS.values() for ext in f.extensions}
FORMAT_CHOICES = [(f.key, f.label) for f in FORMATS.values()]
ALLOWED_EXTENSIONS = sorted(FORMAT_BY_EXTENSION)

OOXML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
FILETYPE_FORMATS = {"pdf", "png", "jpg", "gif", "webp"}
TEXT_FORMATS = {"txt", "csv"}
# What browsers would take for markup or a script, at the start of a text file.
MARKUP_STARTS = ("<", "#!")
MARKUP_MARKERS = ("<script", "<html", "<svg", "<!doctype", "<iframe", "<body", "<?xml")


def max_upload_bytes() -> int:
    return getattr(settings, "TOOLKIT_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


def safe_filename(name: str) -> str:
    """A storage- and header-safe file name, extension kept, length limited."""
    base = os.path.basename(name or "").strip()
    stem, ext = os.path.splitext(base)
    ext = ext.lower()[:10]
    try:
        stem = get_valid_filename(stem)
    except Exception:  # get_valid_filename refuses names like "." or ""
        stem = ""
    stem = stem.strip("._-")[: MAX_FILENAME_LENGTH - len(ext)] or "file"
    return f"{stem}{ext}"


def extension_of(name: str) -> str:
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def format_of(name: str) -> FileFormat | None:
    return FORMAT_BY_EXTENSION.get(extension_of(name))


def content_type_for(format_key: str) -> str:
    found = FORMATS.get(format_key)
    return found.mime if found else OCTET_STREAM


def _read_head(file) -> bytes:
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(0)
    return head or b""


def _zip_names(file) -> list[str] | None:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            return archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None
    finally:
        file.seek(0)


def _odf_mimetype(file) -> str:
    file.seek(0)
    try:
        with zipfile.ZipFile(file) as archive:
            return archive.read("mimetype").decode("ascii", "replace").strip()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        return ""
    finally:
        file.seek(0)


def _looks_like_text(file) -> bool:
    """Decodable text (UTF-8, else Windows-1252), no NUL byte, no markup start."""
    for encoding in ("utf-8-sig", "cp1252"):
        decoder = codecs.getincrementaldecoder(encoding)()
        file.seek(0)
        start = ""
        try:
            while chunk := file.read(TEXT_CHUNK):
                if b"\x00" in chunk:
                    return False
                text = decoder.decode(chunk)
                if len(start) < 1024:
                    start += text[: 1024 - len(start)]
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        finally:
            file.seek(0)
        lowered = start.lstrip("\ufeff \t\r\n").lower()
        if lowered.startswith(MARKUP_STARTS):
            return False
        return not any(marker in lowered for marker in MARKUP_MARKERS)
    return False


def content_matches(file, fmt: FileFormat) -> bool:
    head = _read_head(file)
    if not head:
        return False
    if fmt.key in FILETYPE_FORMATS:
        kind = filetype.guess(head)
        return kind is not None and FORMAT_BY_EXTENSION.get(kind.extension) == fmt
    if fmt.key in {"doc", "xls", "ppt"}:
        return head.startswith(OLE2_MAGIC)
    if fmt.key in TEXT_FORMATS:
        return _looks_like_text(file)
    if not head.startswith(b"PK\x03\x04"):
        return False
    names = _zip_names(file)
    if names is None:
        return False
    if fmt.key == "zip":
        return True
    if fmt.key in OOXML_FOLDERS:
        return "[Content_Types].xml" in names and any(
            name.startswith(OOXML_FOLDERS[fmt.key]) for name in names
        )
    return _odf_mimetype(file) == fmt.mime  # odt, ods, odp


def validate_upload_size(file) -> None:
    limit = max_upload_bytes()
    size = getattr(file, "size", None)
    if size is None:
        return
    if size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="too_large",
        )


def validate_upload_type(file) -> None:
    fmt = format_of(getattr(file, "name", ""))
    if fmt is None:
        raise ValidationError(
            _("This kind of file is not accepted. Accepted: %(extensions)s.")
            % {"extensions": ", ".join(ALLOWED_EXTENSIONS)},
            code="extension",
        )
    # A file already stored and unchanged (admin edits) was checked on upload.
    if getattr(file, "_committed", False) and not hasattr(file, "content_type"):
        return
    if not content_matches(file, fmt):
        raise ValidationError(
            _("The content of this file is not a valid %(format)s file.")
            % {"format": fmt.label},
            code="content",
        )


UPLOAD_VALIDATORS = [validate_upload_size, validate_upload_type]


class UploadSizeLimitHandler(FileUploadHandler):
    """Stops reading a file as soon as it passes the limit, whatever the request
    claims in Content-Length, so a huge upload never fills the disk. The view
    then reports `request.toolkit_upload_too_large` as a form error."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > max_upload_bytes():
            self.request.toolkit_upload_too_large = True
            raise SkipFile
        return raw_data

    def file_complete(self, file_size):
        return None


class StoredFileLink:
    """A stored toolkit file as the file input shows it: its name, linked to
    the download view (private storage has no URL of its own)."""

    def __init__(self, field_file):
        instance = field_file.instance
        self.name = field_file.name.rsplit("/", 1)[-1]
        self.url = instance.get_download_url() if instance.pk else ""

    def __str__(self) -> str:
        return self.name


class PrivateFileInput(forms.ClearableFileInput):
    """The admin's file input for toolkit files, linking the current file to
    the download view (which lets reviewers read unpublished ones)."""

    def is_initial(self, value) -> bool:
        return bool(value and getattr(value, "instance", None) is not None)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if context["widget"]["is_initial"]:
            context["widget"]["value"] = StoredFileLink(value)
        return context
