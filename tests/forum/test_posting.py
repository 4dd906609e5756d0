import pytest
from django.core.cache import cache

from forum.models import Mention, Post, PostRevision, Topic, TopicReadState
from notifications.models import Subscription

from ..factories import UserFactory, established, make_topic
from ..factories import topic_url as url

pytestmark = pytest.mark.shared_world("forums", "people")


@pytest.fixture
def member(db):
    return established(username="wanjiru", display_name="Wanjiru")


def allow_next_post(user):
    """Tests that post twice in a row skip the wait the rate limit imposes."""
    for kind in ("post", "topic"):
        cache.delete(f"forum:rate:{kind}:{user.pk}")


@pytest.mark.smoke
def test_member_starts_a_topic_with_tags(client, forums, member):
    from taggit.models import Tag

    Tag.objects.create(name="Forest", slug="forest-tag")
    client.force_login(member)
    response = client.post(
        "/forums/forest/new/",
        {
            "title": "Mangrove nurseries",
            "body": "How do you **raise** seedlings?",
            "tags": ["forest-tag"],
        },
    )
    assert response.status_code == 302
    topic = Topic.objects.get(title="Mangrove nurseries")
    assert response["Location"].startswith(url(topic))
    assert list(topic.tags.names()) == ["Forest"]
    first = topic.posts.get()
    assert first.html == "<p>How do you <strong>raise</strong> seedlings?</p>"
    page = client.get(url(topic)).content.decode()
    assert "<strong>raise</strong>" in page
    forums.public.refresh_from_db()
    assert forums.public.topic_count == 1 and forums.public.post_count == 1
    # You watch the topics you start.
    assert Subscription.objects.filter(
        user=member, object_id=topic.pk, level="watching"
    ).exists()


@pytest.mark.smoke
def test_reply_quote_and_mention(client, forums, author, member):
    topic = make_topic(forums.public, author)
    client.force_login(member)
    first = topic.posts.get(number=1)
    form = client.get(f"{url(topic)}reply/?quote={first.pk}").content.decode()
    assert "&gt; **@author:**" in form
    response = client.post(
        f"{url(topic)}reply/",
        {"body": f"> quoted\n\nThanks @{author.username}!", "reply_to": first.pk},
    )
    assert response.status_code == 302
    reply = topic.posts.get(number=2)
    assert reply.reply_to == first
    assert f'<a href="/members/{author.username}/">@{author.username}</a>' in reply.html
    assert Mention.objects.filter(post=reply, user=author).exists()
    topic.refresh_from_db()
    assert (
        topic.reply_count == 1 and topic.post_count == 2 and topic.last_poster == member
    )


def test_edits_keep_every_revision_and_show_an_edited_marker(client, forums, author):
    topic = make_topic(forums.public, author)
    post = topic.posts.get(number=1)
    client.force_login(author)
    for text in ("Second version", "Third version"):
        assert (
            client.post(f"/forums/post/{post.pk}/edit/", {"body": text}).status_code
            == 302
        )
    post.refresh_from_db()
    assert post.raw == "Third version" and post.edit_count == 2
    assert list(
        PostRevision.objects.filter(post=post).values_list("raw", flat=True)
    ) == [
        "Opening post of A question",
        "Second version",
    ]
    history = client.get(f"/forums/post/{post.pk}/history/").content.decode()
    assert "Opening post of A question" in history and "Second version" in history
    assert "edited" in client.get(url(topic)).content.decode()


@pytest.mark.parametrize(
    "role,allowed", [("author", True), ("other", False), ("moderator", True)]
)
def test_who_may_edit_and_delete_a_post(client, people, forums, author, role, allowed):
    topic = make_topic(forums.public, author, replies=1)
    post = topic.posts.get(number=2)
    user = {"author": author, "other": people.member, "moderator": people.moderator}[
        role
    ]
    client.force_login(user)
    response = client.post(f"/forums/post/{post.pk}/edit/", {"body": "Changed"})
    assert response.status_code == (302 if allowed else 403)
    post.refresh_from_db()
    assert (post.raw == "Changed") == allowed
    client.post(f"/forums/post/{post.pk}/delete/")
    post.refresh_from_db()
    assert post.is_deleted == allowed


def test_deleted_posts_vanish_for_everyone_but_moderators(
    client, people, forums, author
):
    topic = make_topic(forums.public, author, replies=1)
    reply = topic.posts.get(number=2)
    client.force_login(author)
    client.post(f"/forums/post/{reply.pk}/delete/")
    client.force_login(people.member)
    assert "Reply 2" not in client.get(url(topic)).content.decode()
    client.force_login(people.moderator)
    assert "Reply 2" in client.get(url(topic)).content.decode()
    topic.refresh_from_db()
    assert topic.reply_count == 0


def test_deleting_the_first_post_deletes_the_topic(client, people, forums, author):
    topic = make_topic(forums.public, author, replies=1)
    client.force_login(author)
    client.post(f"/forums/post/{topic.posts.get(number=1).pk}/delete/")
    client.force_login(people.member)
    assert client.get(url(topic)).status_code == 404
    assert "A question" not in client.get("/forums/forest/").content.decode()


def test_a_like_counts_once(client, people, forums, author):
    topic = make_topic(forums.public, author)
    post = topic.posts.get()
    client.force_login(people.member)
    client.post(f"/forums/post/{post.pk}/like/")
    response = client.post(f"/forums/post/{post.pk}/like/", follow=True)
    assert "You already like this post." in response.content.decode()
    post.refresh_from_db()
    assert post.like_count == 1
    client.post(f"/forums/post/{post.pk}/unlike/")
    post.refresh_from_db()
    assert post.like_count == 0


def test_members_cannot_like_their_own_posts(client, forums, author):
    post = make_topic(forums.public, author).posts.get()
    client.force_login(author)
    response = client.post(f"/forums/post/{post.pk}/like/", follow=True)
    assert "You cannot like your own post." in response.content.decode()
    post.refresh_from_db()
    assert post.like_count == 0


@pytest.mark.parametrize(
    "role,allowed", [("author", True), ("member", False), ("moderator", True)]
)
def test_who_may_mark_the_solution(client, people, forums, author, role, allowed):
    topic = make_topic(forums.public, author, replies=1)
    answer = topic.posts.get(number=2)
    user = {"author": author, "member": people.member, "moderator": people.moderator}[
        role
    ]
    client.force_login(user)
    client.post(f"/forums/post/{answer.pk}/solution/")
    topic.refresh_from_db()
    assert (topic.solution_id == answer.pk) == allowed


def test_solutions_only_where_the_forum_allows_them(client, forums, author):
    forums.public.allow_solutions = False
    forums.public.save()
    topic = make_topic(forums.public, author, replies=1)
    client.force_login(author)
    client.post(f"/forums/post/{topic.posts.get(number=2).pk}/solution/")
    topic.refresh_from_db()
    assert topic.solution_id is None


def test_follow_levels_are_stored_as_subscriptions(client, forums, author, member):
    topic = make_topic(forums.public, author)
    client.force_login(member)
    client.post(f"/forums/t/{topic.pk}/follow/", {"level": "tracking"})
    assert Subscription.objects.get(user=member, object_id=topic.pk).level == "tracking"
    client.post(f"/forums/t/{topic.pk}/follow/", {"level": "normal"})
    assert not Subscription.objects.filter(user=member, object_id=topic.pk).exists()
    client.post("/forums/forest/follow/", {"level": "watching"})
    assert (
        Subscription.objects.get(user=member, object_id=forums.public.pk).level
        == "watching"
    )
    response = client.post(
        f"/forums/t/{topic.pk}/follow/", {"level": "loud"}, follow=True
    )
    assert "Unknown watch level." in response.content.decode()


def test_unread_markers_follow_what_the_member_has_read(client, forums, author, member):
    topic = make_topic(forums.public, author, replies=2)
    client.force_login(member)
    assert "New" in client.get("/forums/forest/").content.decode()
    client.get(url(topic))
    assert TopicReadState.objects.get(user=member, topic=topic).last_read_number == 3
    html = client.get("/forums/forest/").content.decode()
    assert "unread" not in html.split('<tbody id="topic-rows">')[1].split("</tbody>")[0]
    allow_next_post(author)
    from forum.posting import reply

    reply(topic, author, "Something new")
    assert "1 unread" in client.get("/forums/forest/").content.decode()


def test_new_member_posts_with_links_wait_for_review(client, people, forums, author):
    newcomer = UserFactory(username="fresh")
    topic = make_topic(forums.public, author)
    client.force_login(newcomer)
    client.post(f"{url(topic)}reply/", {"body": "Cheap offers at https://spam.example"})
    held = Post.objects.get(author=newcomer)
    assert held.is_held
    client.force_login(people.member)
    assert "spam.example" not in client.get(url(topic)).content.decode()
    client.force_login(people.moderator)
    queue = client.get("/forums/moderation/").content.decode()
    assert "spam.example" in queue
    client.post(f"/forums/moderation/held/{held.pk}/", {"decision": "approve"})
    held.refresh_from_db()
    assert not held.is_held
    client.force_login(people.member)
    assert "spam.example" in client.get(url(topic)).content.decode()


def test_markdown_is_cooked_before_the_write_transaction_opens(
    forums, author, member, monkeypatch
):
    """A post that takes long to cook must not hold the database's write lock
    (on SQLite, the whole database) meanwhile."""
    from django.db import connection

    from forum import posting

    outer = len(connection.atomic_blocks)  # the test's own transaction
    depths = []

    def cook(raw):
        depths.append(len(connection.atomic_blocks))
        return posting.cook.__wrapped__(raw)

    cook.__wrapped__ = posting.cook
    monkeypatch.setattr(posting, "cook", cook)
    topic = posting.create_topic(forums.public, member, "Cooked early", "First")
    post = posting.reply(topic, author, "A reply")
    posting.edit_post(post, author, "A reply, edited")
    assert depths == [outer, outer, outer]
