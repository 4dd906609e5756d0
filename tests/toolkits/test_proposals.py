import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from taggit.models import Tag
from wagtail.models import GroupApprovalTask, WorkflowState

from community.national_spaces import COMMUNITY_MODERATORS_GROUP as COMMUNITY_MODERATORS
from toolkits.models import ToolkitPage, ToolkitResource
from toolkits.workflows import PAGE_MODERATORS_GROUP, REVIEW_NAME

from ..factories import (
    HTML,
    PDF,
    PROPOSE_URL,
    SVG,
    approve_url,
    login,
    proposal_form,
    propose,
)


@pytest.fixture
def reviewers(people):
    """Community moderators review toolkits without any other group."""
    return people


def stored_files(settings) -> list:
    roots = [settings.MEDIA_ROOT, settings.CHM_PRIVATE_MEDIA_ROOT]
    return [
        p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()
    ]


def test_a_new_library_gets_the_toolkit_review_workflow(library):
    workflow = library.get_workflow()
    assert workflow is not None and workflow.name == REVIEW_NAME
    task = GroupApprovalTask.objects.get(name=REVIEW_NAME)
    assert set(task.groups.values_list("name", flat=True)) == {
        PAGE_MODERATORS_GROUP,
        COMMUNITY_MODERATORS,
    }


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_sign_in(client, library, method):
    response = getattr(client, method)(PROPOSE_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/toolkits/propose/")
    assert not ToolkitPage.objects.exists()


@pytest.mark.smoke
def test_a_member_proposes_a_toolkit_that_waits_for_review(
    library, reviewers, subjects
):
    member = reviewers.member
    client = login(member)
    form = client.get(f"{PROPOSE_URL}?library={library.pk}")
    assert form.status_code == 200
    assert 'enctype="multipart/form-data"' in form.content.decode()
    response = propose(client, library, subjects=[subjects["cepa"].pk])
    assert response.status_code == 302 and response["Location"] == "/toolkits/"
    page = ToolkitPage.objects.get()
    assert not page.live and page.owner == member
    assert page.get_parent().pk == library.pk
    assert page.latest_revision is not None
    assert page.has_unpublished_changes
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == member
    assert (page.min_level, page.max_level, page.version) == (2, 3, "1.2")
    # Known tags are attached; new words wait for the review to become tags.
    assert [t.slug for t in page.tags.all()] == ["cepa"]
    assert page.proposed_tags == "bioland, web"
    assert not Tag.objects.filter(name__in=["bioland", "web"]).exists()
    assert [lang.language for lang in page.toolkit_languages.all()] == ["fr", "en"]
    assert "<script>" not in page.description and "&lt;script&gt;" in page.description
    document, link = page.resources.all()
    assert document.file.name.endswith("guide_national.pdf")
    assert (document.file_format, document.file_size) == ("pdf", len(PDF))
    assert link.kind == ToolkitResource.Kind.LINK
    # Not public yet: neither listed nor downloadable nor served.
    anonymous = Client()
    assert "Guide du site" not in anonymous.get("/toolkits/").content.decode()
    assert anonymous.get(document.get_download_url()).status_code == 404
    assert anonymous.get(page.url_path.replace("/home", "", 1)).status_code == 404


def test_a_member_cannot_publish_nor_approve_a_proposal(library, reviewers):
    member = reviewers.member
    client = login(member)
    propose(client, library)
    page = ToolkitPage.objects.get()
    task = GroupApprovalTask.objects.get(name=REVIEW_NAME)
    assert task.get_actions(page, member) == []
    response = client.post(approve_url(page))
    assert response.status_code in {302, 403}
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code in {302, 403}
    client.post(f"/admin/pages/{page.pk}/edit/", {"action-publish": "1"})
    page.refresh_from_db()
    assert not page.live


@pytest.mark.parametrize("reviewer", ["moderator", "staff"])
def test_moderators_and_secretariat_staff_approve_and_the_proposer_is_told(
    library, reviewers, reviewer, django_capture_on_commit_callbacks
):
    member = reviewers.member
    propose(login(member), library)
    page = ToolkitPage.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = login(getattr(reviewers, reviewer)).post(
            approve_url(page), {"comment": ""}
        )
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == "approved"
    ours = [m for m in mail.outbox if "is published" in m.subject]
    assert len(ours) == 1 and ours[0].to == [member.email]
    from notifications.models import Notification

    note = Notification.objects.get(recipient=member)
    assert note.kind == "moderation" and "is published" in note.title
    assert "http://localhost/toolkits/guide-du-site-national/" in ours[0].body
    listing = Client().get("/toolkits/").content.decode()
    assert "Guide du site national" in listing


def test_a_proposal_sent_back_tells_the_proposer_with_the_comment(
    library, reviewers, django_capture_on_commit_callbacks
):
    member = reviewers.member
    propose(login(member), library)
    page = ToolkitPage.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        login(reviewers.moderator).post(
            approve_url(page, "reject"), {"comment": "Please add a licence."}
        )
    page.refresh_from_db()
    assert not page.live
    ours = [m for m in mail.outbox if "needs changes" in m.subject]
    assert len(ours) == 1 and ours[0].to == [member.email]
    assert "Please add a licence." in ours[0].body


@pytest.mark.parametrize(
    "overrides,field,message",
    [
        ({"file": None}, "file", "This field is required"),
        ({"file": SimpleUploadedFile("empty.pdf", b"")}, "file", "empty"),
        ({"file": SimpleUploadedFile("page.pdf", HTML)}, "file", "not a valid PDF"),
        ({"file": SimpleUploadedFile("logo.png", SVG)}, "file", "not a valid PNG"),
        ({"file": SimpleUploadedFile("page.html", HTML)}, "file", "not accepted"),
        ({"title": ""}, "title", "required"),
        ({"languages": None}, "languages", "required"),
        ({"min_level": "4", "max_level": "1"}, "max_level", "at or above"),
        ({"min_level": "9"}, "min_level", "valid choice"),
        ({"free_tags": ",".join(f"t{n}" for n in range(20))}, "free_tags", "At most"),
    ],
)
def test_bad_proposals_are_form_errors_and_nothing_is_half_created(
    library, reviewers, settings, overrides, field, message
):
    response = propose(login(reviewers.member), library, **overrides)
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert field in errors and message in " ".join(errors[field])
    assert not ToolkitPage.objects.exists()
    assert not ToolkitResource.objects.exists()
    assert not WorkflowState.objects.exists()
    assert stored_files(settings) == []


def test_a_huge_upload_is_stopped_with_a_clear_message(library, reviewers, settings):
    settings.TOOLKIT_MAX_UPLOAD_BYTES = 50_000
    huge = SimpleUploadedFile("big.pdf", PDF + b"%" * 200_000)
    response = propose(login(reviewers.member), library, file=huge)
    assert response.status_code == 400
    errors = response.context["form"].errors["file"]
    assert errors == ["The file is too large; the limit is 48.8\xa0KB."]
    assert "required" not in " ".join(errors)
    assert not ToolkitPage.objects.exists() and stored_files(settings) == []


def test_the_proposal_form_checks_csrf(library, reviewers):
    client = Client(enforce_csrf_checks=True)
    client.force_login(reviewers.member)
    assert client.post(PROPOSE_URL, proposal_form(library)).status_code == 403
    assert not ToolkitPage.objects.exists()


def test_a_failure_while_creating_leaves_no_page_and_no_file(
    library, reviewers, settings, monkeypatch
):
    from toolkits import proposals

    def broken(*args, **kwargs):
        raise RuntimeError("workflow engine down")

    monkeypatch.setattr(proposals.ToolkitPage, "get_workflow", broken)
    with pytest.raises(RuntimeError):
        propose(login(reviewers.member), library)
    assert not ToolkitPage.objects.exists()
    assert stored_files(settings) == []
