"""Issue #19: a post's author and the moderators can redact an old revision.

The text is gone for good, the fact of the edit (who, when) stays in the
history, and the redaction is logged."""

import pytest

from forum import posting
from forum.models import ModerationLog, PostRevision

from ..factories import make_topic

SECRET = "Call me on +229 97 00 00 00"


@pytest.fixture
def edited(forums, author):
    """A post whose first version gave away a phone number."""
    topic = make_topic(forums.public, author)
    post = topic.posts.get(number=1)
    posting.edit_post(post, author, SECRET)
    posting.edit_post(post, author, "Write to me through the site instead.")
    return post


def history(client, post) -> str:
    response = client.get(f"/forums/post/{post.pk}/history/")
    assert response.status_code == 200
    return response.content.decode()


def redact(client, post, number: int = 2):
    return client.post(f"/forums/post/{post.pk}/redact/", {"revision": number})


@pytest.mark.parametrize("role", ["author", "moderator"])
def test_the_author_and_moderators_redact_a_revision_and_it_is_logged(
    client, people, author, edited, role
):
    user = author if role == "author" else people.moderator
    client.force_login(user)
    page = history(client, edited)
    assert SECRET in page and "Redact this version" in page

    response = redact(client, edited)
    assert response.status_code == 302
    assert response["Location"].endswith(f"/post/{edited.pk}/history/")

    revision = PostRevision.objects.get(post=edited, number=2)
    assert revision.raw == "" and revision.html == ""
    assert revision.redacted_by == user and revision.redacted_at is not None
    assert revision.editor == author  # who edited, and when, stay
    log = ModerationLog.objects.get(action="redact_revision")
    assert log.moderator == user and log.post == edited

    client.logout()
    page = history(client, edited)
    assert SECRET not in page
    assert "This revision was redacted." in page
    assert "Opening post of A question" in page  # the other versions stay


@pytest.mark.parametrize("role", ["member", "focal_benin"])
def test_other_members_cannot_redact(client, people, edited, role):
    client.force_login(getattr(people, role))
    assert "Redact this version" not in history(client, edited)
    assert redact(client, edited).status_code == 403
    assert PostRevision.objects.get(post=edited, number=2).raw == SECRET
    assert not ModerationLog.objects.exists()


def test_visitors_cannot_redact(client, edited):
    assert "Redact this version" not in history(client, edited)
    response = redact(client, edited)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert PostRevision.objects.get(post=edited, number=2).raw == SECRET


def test_redacting_needs_a_post_and_a_real_revision(client, author, edited):
    client.force_login(author)
    assert client.get(f"/forums/post/{edited.pk}/redact/").status_code == 405
    assert redact(client, edited, number=99).status_code == 404
    assert (
        client.post(f"/forums/post/{edited.pk}/redact/", {"revision": "x"}).status_code
        == 404
    )
    assert redact(client, edited).status_code == 302
    assert redact(client, edited).status_code == 302  # twice is harmless
    assert ModerationLog.objects.filter(action="redact_revision").count() == 1
