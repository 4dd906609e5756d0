"""With the bucket unreachable: uploads fail with a clear message and leave
nothing behind, pages without media keep working, files answer 503."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from chm.settings.base import s3_media_storages
from tests.factories import PDF, login, make_toolkit, propose
from tests.live import free_port
from toolkits.models import ToolkitPage

from .conftest import local_files
from .test_uploads import png


def test_with_the_bucket_down_uploads_fail_cleanly_and_files_answer_503(
    s3, bucket, library, people, settings
):
    published = make_toolkit(library, 1).resources.get()
    default_storage.save("images/kept.png", ContentFile(png()))
    document = get_document_model().objects.create(
        title="Kept", file=ContentFile(PDF, name="kept.pdf")
    )
    staff = people.staff
    s3.stop()

    response = propose(login(people.member), library)
    assert response.status_code == 503
    assert "could not be stored" in response.content.decode()
    assert not ToolkitPage.objects.filter(title="Guide du site national").exists()
    assert not local_files(settings.MEDIA_ROOT, settings.CHM_PRIVATE_MEDIA_ROOT)

    from django.core.files.uploadedfile import SimpleUploadedFile

    response = login(staff).post(
        "/admin/images/add/",
        {"title": "Lost", "file": SimpleUploadedFile("lost.png", png())},
    )
    assert response.status_code == 200  # the form again, with the error
    assert "could not be stored" in response.content.decode()
    assert not get_image_model().objects.filter(title="Lost").exists()
    response = login(staff).post(
        "/admin/documents/add/",
        {"title": "Lost", "file": SimpleUploadedFile("lost.pdf", PDF)},
    )
    assert response.status_code == 200
    assert "could not be stored" in response.content.decode()
    assert not get_document_model().objects.filter(title="Lost").exists()

    anonymous = Client()
    assert anonymous.get("/").status_code == 200
    assert anonymous.get(library.url).status_code == 200
    download = anonymous.get(published.get_download_url())
    assert download.status_code == 503
    assert download["Retry-After"]
    published.refresh_from_db()
    assert published.download_count == 0
    assert anonymous.get("/media/images/kept.png").status_code == 503
    served = anonymous.get(document.url)
    assert served.status_code == 503
    assert "Uploaded files cannot be reached" in served.content.decode()


def test_a_bucket_on_a_closed_port_is_a_503_too(library, settings):
    published = make_toolkit(library, 1).resources.get()
    settings.STORAGES = {
        **settings.STORAGES,
        **s3_media_storages(
            {
                "bucket_name": "chm-nowhere",
                "endpoint_url": f"http://127.0.0.1:{free_port()}",
                "region_name": "us-east-1",
                "access_key": "k",
                "secret_key": "s",
            }
        ),
    }
    assert Client().get(published.get_download_url()).status_code == 503
