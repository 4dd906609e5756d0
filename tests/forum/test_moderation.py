import pytest

from forum.models import Flag, ModerationLog, Topic

from ..factories import make_topic
from ..factories import topic_url as url


def test_flag_review_hide_flow(client, people, forums, author):
    topic = make_topic(forums.public, author, replies=1, title="Spam ahead")
    bad = topic.posts.get(number=2)
    client.force_login(people.member)
    response = client.post(
        f"/forums/post/{bad.pk}/flag/", {"reason": "spam", "text": "Advertising"}
    )
    assert response.status_code == 302
    again = client.post(f"/forums/post/{bad.pk}/flag/", {"reason": "spam"})
    assert "already flagged" in again.content.decode()

    # Members cannot see the queue; moderators can.
    assert client.get("/forums/moderation/").status_code == 403
    client.force_login(people.moderator)
    queue = client.get("/forums/moderation/").content.decode()
    assert "Advertising" in queue and "Reply 2" in queue
    flag = Flag.objects.get()
    client.post(f"/forums/moderation/flags/{flag.pk}/", {"outcome": "hidden"})
    flag.refresh_from_db()
    bad.refresh_from_db()
    assert (
        bad.is_hidden
        and flag.outcome == "hidden"
        and flag.resolved_by == people.moderator
    )

    # Hidden: gone for members and visitors, in pages and feeds; kept for the
    # author and moderators.
    client.force_login(people.member)
    assert "Reply 2" not in client.get(url(topic)).content.decode()
    client.logout()
    assert (
        "Reply 2"
        not in client.get(f"/feeds/forums/topics/{topic.pk}.rss").content.decode()
    )
    client.force_login(author)
    assert "Reply 2" in client.get(url(topic)).content.decode()
    client.force_login(people.moderator)
    assert "Reply 2" in client.get(url(topic)).content.decode()
    assert ModerationLog.objects.filter(action="hide_post", post=bad).exists()

    client.post(f"/forums/post/{bad.pk}/restore/")
    bad.refresh_from_db()
    assert not bad.is_hidden


def test_dismissing_a_flag_keeps_the_post(client, people, forums, author):
    post = make_topic(forums.public, author, replies=1).posts.get(number=2)
    client.force_login(people.member)
    client.post(f"/forums/post/{post.pk}/flag/", {"reason": "off-topic"})
    client.force_login(people.moderator)
    client.post(
        f"/forums/moderation/flags/{Flag.objects.get().pk}/", {"outcome": "dismissed"}
    )
    post.refresh_from_db()
    assert not post.is_hidden
    assert not Flag.objects.open().exists()


@pytest.mark.parametrize("role", ["member", "focal_benin", "author"])
def test_only_moderators_moderate(client, people, forums, author, role):
    topic = make_topic(forums.public, author, replies=1)
    user = author if role == "author" else getattr(people, role)
    client.force_login(user)
    for action in ("lock", "pin", "delete"):
        client.post(f"/forums/t/{topic.pk}/{action}/")
    client.post(f"/forums/post/{topic.posts.get(number=2).pk}/hide/")
    assert client.get(f"/forums/t/{topic.pk}/move/").status_code == 403
    topic.refresh_from_db()
    assert not (topic.is_locked or topic.is_pinned or topic.is_deleted)
    assert not topic.posts.filter(is_hidden=True).exists()
    assert not ModerationLog.objects.exists()


def test_lock_pin_move_delete_are_logged_and_take_effect(
    client, people, forums, author
):
    topic = make_topic(forums.public, author, title="Old one")
    newer = make_topic(forums.public, author, title="Newer one")
    client.force_login(people.moderator)
    client.post(f"/forums/t/{topic.pk}/pin/")
    listing = client.get("/forums/forest/").content.decode()
    assert listing.index("Old one") < listing.index("Newer one")
    client.post(f"/forums/t/{topic.pk}/lock/")
    client.force_login(people.member)
    response = client.post(f"{url(topic)}reply/", {"body": "Can I still reply?"})
    assert response.status_code == 403
    assert "closed" in response.content.decode()
    client.force_login(people.moderator)
    client.post(f"/forums/t/{topic.pk}/move/", {"forum": forums.other.pk})
    topic.refresh_from_db()
    assert topic.forum == forums.other
    forums.public.refresh_from_db()
    forums.other.refresh_from_db()
    assert (forums.public.topic_count, forums.other.topic_count) == (1, 1)
    client.post(f"/forums/t/{newer.pk}/delete/")
    client.force_login(people.member)
    assert client.get(url(newer)).status_code == 404
    actions = list(
        ModerationLog.objects.order_by("created_at").values_list("action", flat=True)
    )
    assert actions == ["pin_topic", "lock_topic", "move_topic", "delete_topic"]


def test_suspended_member_can_no_longer_sign_in(client, people, forums):
    from forum.moderation import suspend_member

    from ..factories import PASSWORD

    suspend_member(people.member, people.moderator, reason="Spam")
    response = client.post(
        "/accounts/login/", {"login": people.member.email, "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 302)
    assert ModerationLog.objects.get(action="suspend_member").member == people.member


def test_replies_to_deleted_topics_are_refused(client, people, forums, author):
    topic = make_topic(forums.public, author)
    Topic.objects.filter(pk=topic.pk).update(is_deleted=True)
    client.force_login(people.member)
    assert client.post(f"{url(topic)}reply/", {"body": "Hello?"}).status_code == 404
    assert topic.posts.count() == 1


def test_secretariat_manages_forums_and_reads_the_log_in_the_admin(
    client, people, forums
):
    client.force_login(people.staff)
    for path in (
        "/admin/snippets/forum/forum/",
        "/admin/snippets/forum/topic/",
        "/admin/snippets/forum/flag/",
        "/admin/snippets/forum/moderationlog/",
        f"/admin/snippets/forum/forum/edit/{forums.public.pk}/",
    ):
        assert client.get(path).status_code == 200, path
    response = client.post(
        "/admin/snippets/forum/forum/add/",
        {"name": "Tourism", "slug": "tourism", "sort_order": 5, "visibility": "public"},
    )
    assert response.status_code == 302
    reserved = client.post(
        "/admin/snippets/forum/forum/add/",
        {"name": "Bad", "slug": "moderation", "sort_order": 5, "visibility": "public"},
    )
    assert reserved.status_code == 200
    assert "This address is reserved." in reserved.content.decode()
