"""Toolkit files live in private storage: only the download view, which
checks publication, hands them out; `/media/` in `make run` serves only
Wagtail images."""

import importlib

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.test import Client
from django.urls import clear_url_caches
from wagtail.documents.models import Document
from wagtail.models import Collection

from toolkits.models import ToolkitPage, ToolkitResource

from ..factories import PDF, PNG, login, make_toolkit, propose


@pytest.fixture
def dev_urls(settings):
    """The URLs `make run` serves (chm.settings.dev, DEBUG off)."""
    import chm.urls

    settings.CHM_SERVE_PUBLIC_MEDIA = True
    importlib.reload(chm.urls)
    clear_url_caches()
    yield
    settings.CHM_SERVE_PUBLIC_MEDIA = False
    importlib.reload(chm.urls)
    clear_url_caches()


def files_under(root) -> list:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def test_a_proposed_file_is_stored_outside_the_served_media_folder(
    library, people, settings
):
    propose(login(people.member), library)
    document = ToolkitResource.objects.get(kind=ToolkitResource.Kind.DOCUMENT)
    assert files_under(settings.MEDIA_ROOT) == []
    stored = settings.CHM_PRIVATE_MEDIA_ROOT / document.file.name
    assert stored.read_bytes() == PDF
    assert not stored.is_relative_to(settings.MEDIA_ROOT)


def test_the_file_of_a_pending_proposal_is_not_served_at_its_media_path(
    library, people, dev_urls
):
    propose(login(people.member), library)
    document = ToolkitResource.objects.get(kind=ToolkitResource.Kind.DOCUMENT)
    anonymous = Client()
    assert anonymous.get(f"/media/{document.file.name}").status_code == 404
    assert anonymous.get(document.get_download_url()).status_code == 404
    assert login(people.member).get(document.get_download_url()).status_code == 404


def test_reviewers_can_read_the_file_of_a_proposal_without_counting_it(library, people):
    propose(login(people.member), library)
    document = ToolkitResource.objects.get(kind=ToolkitResource.Kind.DOCUMENT)
    response = login(people.moderator).get(document.get_download_url())
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"]
    document.refresh_from_db()
    assert document.download_count == 0


def test_the_admin_edits_a_toolkit_with_a_private_file(library, people):
    toolkit = make_toolkit(library, 1)
    resource = toolkit.resources.get()
    response = login(people.staff).get(f"/admin/pages/{toolkit.pk}/edit/")
    assert response.status_code == 200
    assert resource.get_download_url() in response.content.decode()


def test_make_run_serves_images_but_not_documents_or_other_media(
    settings, dev_urls, db, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    for folder, name, data in [
        ("original_images", "map.png", PNG),
        ("documents", "restricted.pdf", PDF),
        ("toolkits/2026/01", "old.pdf", PDF),
    ]:
        (settings.MEDIA_ROOT / folder).mkdir(parents=True)
        (settings.MEDIA_ROOT / folder / name).write_bytes(data)
    client = Client()
    assert client.get("/media/original_images/map.png").status_code == 200
    assert client.get("/media/documents/restricted.pdf").status_code == 404
    assert client.get("/media/toolkits/2026/01/old.pdf").status_code == 404
    assert client.get("/media/../db.sqlite3").status_code == 404


def test_wagtail_documents_are_served_through_their_view(settings, db, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    document = Document.objects.create(
        title="Report",
        file=ContentFile(PDF, name="report.pdf"),
        collection=Collection.get_first_root_node(),
    )
    response = Client().get(document.url)
    assert document.url.startswith("/documents/")
    assert response.status_code == 200


def test_files_stored_before_are_moved_out_of_the_media_folder(
    library, settings, capsys
):
    toolkit = make_toolkit(library, 1)
    resource = toolkit.resources.get()
    name = resource.file.name
    # As stored before: under MEDIA_ROOT, nothing in the private folder.
    public = storages["default"]
    public.save(name, ContentFile(PDF))
    storages["private"].delete(name)
    call_command("make_toolkit_files_private")
    assert "1 toolkit file(s) moved" in capsys.readouterr().out
    assert not public.exists(name)
    assert (settings.CHM_PRIVATE_MEDIA_ROOT / name).read_bytes() == PDF
    assert Client().get(resource.get_download_url()).status_code == 200
    call_command("make_toolkit_files_private")  # again: nothing to do
    assert "0 toolkit file(s) moved" in capsys.readouterr().out
    assert ToolkitPage.objects.get().download_count == 1
