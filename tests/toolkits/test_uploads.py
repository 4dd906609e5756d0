import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from toolkits.models import ToolkitResource
from toolkits.uploads import (
    content_type_for,
    format_of,
    safe_filename,
    validate_upload_size,
    validate_upload_type,
)

from ..factories import ALLOWED_FILES, PDF, REFUSED_FILES


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


@pytest.mark.parametrize("name", sorted(ALLOWED_FILES))
def test_each_allowed_kind_is_accepted(name):
    file = upload(name, ALLOWED_FILES[name])
    validate_upload_size(file)
    validate_upload_type(file)
    assert format_of(name) is not None


@pytest.mark.parametrize("name", sorted(REFUSED_FILES))
def test_each_refused_kind_is_refused_whatever_its_extension(name):
    with pytest.raises(ValidationError):
        validate_upload_type(upload(name, REFUSED_FILES[name]))


def test_empty_and_oversized_files_are_refused_with_a_clear_message(settings):
    settings.TOOLKIT_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(ValidationError, match="empty"):
        validate_upload_size(upload("a.pdf", b""))
    with pytest.raises(ValidationError, match="too large") as error:
        validate_upload_size(upload("a.pdf", PDF + b"\n" * 1000))
    assert "1000" in str(error.value) or "KB" in str(error.value)
    validate_upload_size(upload("a.pdf", PDF[:900]))


def test_the_default_limit_is_25_mb(settings):
    del settings.TOOLKIT_MAX_UPLOAD_BYTES
    validate_upload_size(upload("a.txt", b"a" * 1024))
    big = upload("a.txt", b"")
    big.size = 25 * 1024 * 1024 + 1
    with pytest.raises(ValidationError, match="too large"):
        validate_upload_size(big)


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Guide national.PDF", "Guide_national.pdf"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ('a<b>"c.csv', "abc.csv"),
        ("***.pdf", "file.pdf"),
        ("x" * 300 + ".docx", "x" * 95 + ".docx"),
        ("دليل.pdf", "دليل.pdf"),
    ],
)
def test_filenames_are_sanitised_and_length_limited(name, expected):
    assert safe_filename(name) == expected
    assert len(safe_filename(name)) <= 100


def test_content_types_come_from_the_allow_list():
    assert content_type_for("pdf") == "application/pdf"
    assert content_type_for("csv") == "text/csv"
    assert content_type_for("html") == "application/octet-stream"
    assert content_type_for("") == "application/octet-stream"


@pytest.mark.parametrize(
    "name,data,ok",
    [
        ("guide.pdf", PDF, True),
        ("page.pdf", REFUSED_FILES["renamed-html.pdf"], False),
        ("logo.png", REFUSED_FILES["svg-as.png"], False),
        ("page.html", REFUSED_FILES["page.html"], False),
    ],
)
def test_the_admin_runs_the_same_validation_on_resources(name, data, ok):
    """The validators sit on the model field, so Wagtail's admin forms use them."""
    resource = ToolkitResource(title="r", file=ContentFile(data, name=name))
    if ok:
        resource.clean_fields(exclude=["page"])
    else:
        with pytest.raises(ValidationError) as error:
            resource.clean_fields(exclude=["page"])
        assert "file" in error.value.message_dict


def test_a_document_needs_a_file_and_a_link_needs_an_address():
    with pytest.raises(ValidationError, match="Upload"):
        ToolkitResource(title="r", kind="document").clean()
    with pytest.raises(ValidationError, match="address"):
        ToolkitResource(title="r", kind="video").clean()
