"""Evidence documents of a national target: Benin's keepers add them, checked
like toolkit files; readers of the target download them as attachments; a
draft's documents stay with Benin's keepers."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from targets.models import EvidenceDocument

from ..factories import login, make_target

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def _upload(client, target, name="report.pdf", content=PDF, title="Annual report"):
    return client.post(
        f"/targets/bj/{target.pk}/documents/new/",
        {"title": title, "file": SimpleUploadedFile(name, content)},
    )


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("member", False),
        ("focal_kenya", False),
        ("moderator", False),
        ("editor_benin", True),
        ("focal_benin", True),
        ("staff", True),
    ],
)
def test_only_benin_keepers_add_documents(network, people, gbf, role, allowed):
    target = make_target(people.focal_benin, network.benin)
    response = _upload(login(getattr(people, role)), target)
    if allowed:
        assert response.status_code == 302
        assert EvidenceDocument.objects.filter(national_target=target).count() == 1
    else:
        assert response.status_code == 403
        assert not EvidenceDocument.objects.exists()


def test_a_published_targets_document_is_an_attachment_for_everyone(
    network, people, gbf
):
    target = make_target(people.focal_benin, network.benin)
    _upload(login(people.editor_benin), target)
    document = EvidenceDocument.objects.get()
    page = Client().get(target.get_absolute_url()).content.decode()
    assert document.get_absolute_url() in page and "Annual report" in page
    response = Client().get(document.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_a_drafts_documents_stay_with_its_keepers(network, people, gbf):
    draft = make_target(people.focal_benin, network.benin, published=False)
    _upload(login(people.focal_benin), draft)
    url = EvidenceDocument.objects.get().get_absolute_url()
    for reader in (Client(), login(people.member), login(people.focal_kenya)):
        assert reader.get(url).status_code == 404
    response = login(people.editor_benin).get(url)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"<html><script>alert(1)</script></html>"),
        ("page.html", b"<html></html>"),
        ("report.exe", b"MZ\x90\x00"),
    ],
)
def test_a_file_that_is_not_what_it_claims_is_a_form_error_and_nothing_is_kept(
    network, people, gbf, name, content
):
    target = make_target(people.focal_benin, network.benin)
    response = _upload(login(people.focal_benin), target, name=name, content=content)
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    assert not EvidenceDocument.objects.exists()


def test_a_file_over_the_limit_is_refused(network, people, gbf, settings):
    settings.TOOLKIT_MAX_UPLOAD_BYTES = 1024
    target = make_target(people.focal_benin, network.benin)
    response = _upload(login(people.focal_benin), target, content=PDF + b"0" * 4096)
    assert response.status_code in (400, 413)
    assert "too large" in response.content.decode()
    assert not EvidenceDocument.objects.exists()
