"""Who sees which forum: lists, topics, feeds and direct URLs, for each role."""

import pytest

from ..factories import make_topic
from ..factories import topic_url as url

ROLES = ["anonymous", "member", "focal_benin", "moderator"]
# forum -> roles allowed to read it
READERS = {
    "public": set(ROLES),
    "members": {"member", "focal_benin", "moderator"},
    "focal": {"focal_benin", "moderator"},
}


def login(client, people, role):
    if role != "anonymous":
        client.force_login(getattr(people, role))


@pytest.mark.parametrize("role", ROLES)
def test_forum_list_shows_only_forums_the_role_may_read(client, people, forums, role):
    login(client, people, role)
    html = client.get("/forums/").content.decode()
    assert ("Forest" in html) is True
    assert ("Members lounge" in html) == (role in READERS["members"])
    assert ("Focal points" in html) == (role in READERS["focal"])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("kind", ["public", "members", "focal"])
def test_topic_lists_and_topics_answer_by_role(
    client, people, forums, author, role, kind
):
    forum = getattr(forums, kind)
    topic = make_topic(forum, author, replies=2, title="Secret plans")
    login(client, people, role)
    for path in (f"/forums/{forum.slug}/", url(topic)):
        response = client.get(path)
        if role in READERS[kind]:
            assert response.status_code == 200, (path, role)
            assert "Secret plans" in response.content.decode()
        else:
            assert response.status_code == 404, (path, role)


@pytest.mark.parametrize("kind", ["members", "focal"])
def test_non_public_forums_never_appear_in_feeds(client, forums, author, kind):
    forum = getattr(forums, kind)
    topic = make_topic(forum, author, title="Private matter")
    make_topic(forums.public, author, title="Open matter")
    latest = client.get("/feeds/forums.rss").content.decode()
    assert "Open matter" in latest and "Private matter" not in latest
    assert client.get(f"/feeds/forums/{forum.slug}.rss").status_code == 404
    assert client.get(f"/feeds/forums/topics/{topic.pk}.atom").status_code == 404


def test_non_public_topics_stay_off_the_tag_page_for_visitors(
    client, people, forums, author
):
    from taggit.models import Tag

    forest = Tag.objects.create(name="Forest", slug="forest-tag")
    make_topic(forums.focal, author, title="Focal only").tags.add(forest)
    make_topic(forums.public, author, title="Everyone").tags.add(forest)
    html = client.get("/tags/forest-tag/").content.decode()
    assert "Everyone" in html and "Focal only" not in html
    client.force_login(people.focal_benin)
    assert "Focal only" in client.get("/tags/forest-tag/").content.decode()
    feed = client.get("/feeds/forums/tags/forest-tag.rss").content.decode()
    assert "Everyone" in feed and "Focal only" not in feed


@pytest.mark.parametrize(
    "path",
    [
        "/forums/nope/",
        "/forums/forest/t/999999-x/",
        "/forums/post/999999/edit/",
        "/forums/t/999999/lock/",
    ],
)
def test_unknown_forums_topics_and_posts_are_404(client, people, forums, path):
    client.force_login(people.member)
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("role", ["anonymous", "member"])
def test_private_forums_and_topics_answer_exactly_as_unknown_ones(
    client, people, forums, author, role
):
    """A visitor must not tell a private topic from a missing one: same status,
    same page, no sign-in redirect that would confirm it exists."""
    topic = make_topic(forums.focal, author, replies=1, title="Secret plans")
    unknown = topic.pk + 1000
    login(client, people, role)
    pairs = [
        (f"/forums/{forums.focal.slug}/", "/forums/no-such-forum/"),
        (url(topic), f"/forums/{forums.focal.slug}/t/{unknown}-x/"),
        (f"/forums/t/{topic.pk}/follow/", f"/forums/t/{unknown}/follow/"),
        (f"/forums/post/{topic.posts.first().pk}/history/", "/forums/post/0/history/"),
        (f"/forums/{forums.focal.slug}/new/", "/forums/no-such-forum/new/"),
        (f"/feeds/forums/topics/{topic.pk}.rss", f"/feeds/forums/topics/{unknown}.rss"),
        (f"/feeds/forums/{forums.focal.slug}.rss", "/feeds/forums/no-such-forum.rss"),
    ]
    for private, missing in pairs:
        hidden, absent = client.get(private), client.get(missing)
        assert hidden.status_code == absent.status_code == 404, (private, role)
        assert "Secret plans" not in hidden.content.decode()
