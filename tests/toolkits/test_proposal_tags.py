"""Tags of proposals: no new tag before a moderator publishes the toolkit,
five tags at most, fifty characters each, and no tag page for spam."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from taggit.models import Tag
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from forum.forms import TopicForm
from toolkits.models import ToolkitPage, ToolkitTag
from toolkits.proposals import ToolkitProposal, propose_toolkit

from ..factories import approve_url, login, make_toolkit, propose

SPAM = "Buy cheap pills"


def topic_form_tags() -> list[str]:
    """The tags every member is offered when starting a topic."""
    return [tag.name for tag in TopicForm().fields["tags"].queryset]


def test_free_tags_of_a_pending_proposal_create_no_tag(library, people):
    response = propose(login(people.member), library, free_tags=f"{SPAM}, web")
    assert response.status_code == 302
    page = ToolkitPage.objects.get()
    assert not Tag.objects.filter(name__iexact=SPAM).exists()
    assert list(page.tags.all()) == []
    assert Client().get("/tags/buy-cheap-pills/").status_code == 404
    assert SPAM not in topic_form_tags()


def test_the_proposed_tags_become_tags_when_the_toolkit_is_published(
    library, people, django_capture_on_commit_callbacks
):
    propose(login(people.member), library, free_tags="Bioland, web")
    page = ToolkitPage.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        login(people.moderator).post(approve_url(page), {"comment": ""})
    page = ToolkitPage.objects.get()
    assert page.live
    assert sorted(page.tags.names()) == ["Bioland", "web"]
    assert page.proposed_tags == ""
    tag_page = Client().get("/tags/bioland/")
    assert tag_page.status_code == 200
    assert page.title in tag_page.content.decode()
    # The admin edits from the latest revision, which shows the tags too.
    latest = page.get_latest_revision_as_object()
    assert sorted(latest.tags.names()) == ["Bioland", "web"]


def test_existing_tags_are_attached_at_once_whatever_their_case(
    library, people, subjects
):
    Tag.objects.create(name="Web", slug="web")
    propose(
        login(people.member),
        library,
        subjects=[subjects["forest"].pk],
        free_tags="WEB, bioland",
    )
    page = ToolkitPage.objects.get()
    assert sorted(page.tags.names()) == ["Forest", "Web"]
    assert page.proposed_tags == "bioland"


@pytest.mark.parametrize(
    "overrides,error",
    [
        ({"free_tags": "a, b, c, d, e, f"}, "At most 5 tags"),
        ({"free_tags": "a, b, c"}, "At most 5 tags"),  # with three subjects
        ({"free_tags": "x" * 51}, "at most 50 characters"),
    ],
)
def test_too_many_or_too_long_tags_are_a_form_error(
    library, people, subjects, overrides, error
):
    data = {"subjects": [tag.pk for tag in subjects.values()], **overrides}
    if overrides["free_tags"].startswith("a, b, c, d"):
        data["subjects"] = []
    response = propose(login(people.member), library, **data)
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not ToolkitPage.objects.exists()


def test_the_write_function_refuses_too_many_tags_too(library, people):
    proposal = ToolkitProposal(
        title="Spam",
        summary="Spam",
        file=None,
        languages=["en"],
        free_tags=[f"{SPAM} {n}" for n in range(34)],
    )
    with pytest.raises(ValidationError):
        propose_toolkit(people.member, library, proposal)
    assert not ToolkitPage.objects.exists()
    assert not Tag.objects.exists()


def test_a_tag_only_unpublished_content_carries_has_no_page_nor_place_in_lists(
    library, people
):
    spam = Tag.objects.create(name=SPAM, slug="buy-cheap-pills")
    draft = make_toolkit(library, 1, live=False)
    ToolkitTag.objects.create(content_object=draft, tag=spam)
    assert Client().get("/tags/buy-cheap-pills/").status_code == 404
    assert SPAM not in topic_form_tags()
    make_toolkit(library, 2, tags=[spam])  # published
    assert Client().get("/tags/buy-cheap-pills/").status_code == 200


def test_the_admin_form_refuses_a_sixth_tag_and_a_long_one(library, people):
    toolkit = make_toolkit(library, 1)
    form_class = ToolkitPage.get_edit_handler().get_form_class()

    def tag_errors(tags: str, proposed: str = "") -> str:
        data = nested_form_data(
            {
                "title": "Toolkit 1",
                "slug": "toolkit-1",
                "summary": "Summary",
                "tags": tags,
                "proposed_tags": proposed,
                "min_level": 0,
                "max_level": 5,
                "publication_date": "2026-01-01",
                "resources": inline_formset([]),
                "toolkit_languages": inline_formset([]),
            }
        )
        form = form_class(data, instance=toolkit, for_user=people.staff)
        form.is_valid()
        return str(form.errors.get("tags", ""))

    assert tag_errors("a, b, c, d, e") == ""
    assert "At most 5 tags" in tag_errors("a, b, c, d, e, f")
    assert "At most 5 tags" in tag_errors("a, b, c", proposed="d, e, f")
    assert "at most 50 characters" in tag_errors("x" * 51)
