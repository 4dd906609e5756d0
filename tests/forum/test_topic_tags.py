"""A topic carries five tags at most: each tag reaches all its followers."""

import pytest
from taggit.models import Tag

from forum.errors import ForumError
from forum.models import Topic
from forum.posting import create_topic

from ..factories import established, make_topic


@pytest.fixture
def tags(db) -> list[Tag]:
    return [Tag.objects.create(name=f"Tag {n}", slug=f"tag-{n}") for n in range(34)]


@pytest.fixture
def member(db):
    return established()


def test_a_topic_with_more_than_five_tags_is_a_form_error(client, forums, member, tags):
    client.force_login(member)
    data = {"title": "Spam", "body": "Buy now", "tags": [t.slug for t in tags]}
    response = client.post("/forums/forest/new/", data)
    assert response.status_code == 400
    assert "At most 5 tags" in response.content.decode()
    assert not Topic.objects.exists()
    data["tags"] = [t.slug for t in tags[:5]]
    assert client.post("/forums/forest/new/", data).status_code == 302
    assert Topic.objects.get().tags.count() == 5


def test_create_topic_refuses_more_than_five_tags(forums, member, tags):
    with pytest.raises(ForumError, match="At most 5 tags"):
        create_topic(forums.public, member, "Spam", "Buy now", tags=tags[:6])
    assert not Topic.objects.exists()


def test_a_tag_only_a_hidden_topic_carries_has_no_tag_page(
    client, forums, author, tags
):
    held = make_topic(forums.public, author, is_hidden=True)
    held.tags.set([tags[0]])
    assert client.get("/tags/tag-0/").status_code == 404
    make_topic(forums.public, author, title="Visible").tags.set([tags[0]])
    assert client.get("/tags/tag-0/").status_code == 200
