"""Toolkit files, Wagtail images (with renditions) and documents uploaded
through the site land in the bucket, as private objects; downloads stream
through the application, counted, with their headers."""

import io
import urllib.error
import urllib.request

import pytest
from django.test import Client
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from tests.factories import PDF, login, propose
from tests.factories.users import UserFactory
from toolkits.models import ToolkitPage, ToolkitResource

from .conftest import keys, local_files


def png(width=40, height=30) -> bytes:
    out = io.BytesIO()
    PillowImage.new("RGB", (width, height), (20, 120, 60)).save(out, "PNG")
    return out.getvalue()


def body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def admin_client(db):
    staff = UserFactory(username="secretariat", is_staff=True, is_superuser=True)
    return login(staff)  # staff are enrolled in two-factor sign-in


def published_proposal(library, member) -> ToolkitResource:
    response = propose(login(member), library)
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ToolkitPage.objects.get(title="Guide du site national")
    page.save_revision().publish()
    return page.resources.get(kind=ToolkitResource.Kind.DOCUMENT)


def test_a_proposed_toolkit_file_is_a_private_object_downloaded_through_the_site(
    s3, bucket, library, people, settings
):
    resource = published_proposal(library, people.member)

    key = f"private/{resource.file.name}"
    assert key in keys(s3, bucket)
    assert s3.client().get_object(Bucket=bucket, Key=key)["Body"].read() == PDF
    assert not local_files(settings.MEDIA_ROOT, settings.CHM_PRIVATE_MEDIA_ROOT)

    response = Client(REMOTE_ADDR="192.0.2.10").get(resource.get_download_url())
    assert response.status_code == 200
    assert body(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Length"] == str(len(PDF))
    # The same client again the same day, then another client.
    body(Client(REMOTE_ADDR="192.0.2.10").get(resource.get_download_url()))
    body(Client(REMOTE_ADDR="192.0.2.11").get(resource.get_download_url()))
    resource.refresh_from_db()
    assert resource.download_count == 2

    # Straight to the bucket, without the application's keys: refused.
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(f"{s3.endpoint}/{bucket}/{key}")  # noqa: S310
    assert refused.value.code == 403


def test_an_unpublished_file_is_not_handed_out(s3, bucket, library, people):
    propose(login(people.member), library)
    resource = ToolkitResource.objects.get(kind=ToolkitResource.Kind.DOCUMENT)
    assert Client().get(resource.get_download_url()).status_code == 404


def test_an_image_and_its_renditions_land_in_the_bucket(s3, bucket, admin_client):
    response = admin_client.post(
        "/admin/images/add/",
        {"title": "Mangroves", "file": _upload("mangroves.png", png())},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    image = get_image_model().objects.get(title="Mangroves")
    assert f"media/{image.file.name}" in keys(s3, bucket)
    assert image.file.name.startswith("original_images/")

    rendition = image.get_rendition("fill-20x20")
    assert f"media/{rendition.file.name}" in keys(s3, bucket)
    assert rendition.url.startswith("/media/images/")
    served = Client().get(rendition.url)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert PillowImage.open(io.BytesIO(body(served))).size == (20, 20)
    # Revalidation costs one HEAD on the bucket and no bytes.
    again = Client().get(rendition.url, HTTP_IF_NONE_MATCH=served["ETag"])
    assert again.status_code == 304
    # Only the public folders are served this way.
    assert Client().get("/media/documents/anything.pdf").status_code == 404


def test_a_document_lands_in_the_bucket_and_is_served_by_wagtail(
    s3, bucket, admin_client
):
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "Guide", "file": _upload("guide.pdf", PDF)},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    document = get_document_model().objects.get(title="Guide")
    assert f"media/{document.file.name}" in keys(s3, bucket)
    served = Client().get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == PDF
    # Not through /media/: documents keep their collection's privacy.
    assert Client().get(f"/media/{document.file.name}").status_code == 404


def _upload(name: str, content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)
