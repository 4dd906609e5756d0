from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone

from forum.models import Post, Topic

from ..factories import UserFactory, established, make_topic
from ..factories import topic_url as url


def test_second_reply_within_five_seconds_is_refused_and_the_text_kept(
    client, forums, author
):
    member = established()
    topic = make_topic(forums.public, author)
    client.force_login(member)
    assert (
        client.post(f"{url(topic)}reply/", {"body": "First thought"}).status_code == 302
    )
    response = client.post(f"{url(topic)}reply/", {"body": "Second thought, quickly"})
    assert response.status_code == 429
    html = response.content.decode()
    assert "wait 5 seconds" in html
    assert "Second thought, quickly" in html  # the member's text is still in the form
    assert topic.posts.count() == 2


def test_new_members_wait_longer_between_topics(client, forums):
    newcomer = UserFactory()
    client.force_login(newcomer)
    assert (
        client.post(
            "/forums/forest/new/", {"title": "First topic", "body": "Hello"}
        ).status_code
        == 302
    )
    response = client.post(
        "/forums/forest/new/", {"title": "Second topic", "body": "Hello again"}
    )
    assert response.status_code == 429
    assert "wait 120 seconds" in response.content.decode()
    assert Topic.objects.count() == 1


def test_identical_post_within_five_minutes_is_refused(client, forums, author):
    member = established()
    topic = make_topic(forums.public, author)
    client.force_login(member)
    client.post(f"{url(topic)}reply/", {"body": "Same words"})
    cache.delete(f"forum:rate:post:{member.pk}")  # the 5-second wait is over
    response = client.post(f"{url(topic)}reply/", {"body": "Same words"})
    assert response.status_code == 429
    assert "same text" in response.content.decode()
    # Even if the cache forgot, the database remembers the last five minutes.
    cache.clear()
    response = client.post(f"{url(topic)}reply/", {"body": "Same words"})
    assert response.status_code == 429
    Post.objects.filter(author=member).update(
        created_at=timezone.now() - timedelta(minutes=6)
    )
    cache.clear()
    assert client.post(f"{url(topic)}reply/", {"body": "Same words"}).status_code == 302


def test_moderators_are_not_rate_limited(client, people, forums, author):
    topic = make_topic(forums.public, author)
    client.force_login(people.moderator)
    for n in range(3):
        assert (
            client.post(f"{url(topic)}reply/", {"body": f"Note {n}"}).status_code == 302
        )


def test_editing_past_the_edit_limit_is_refused_with_retry_after_and_the_text_kept(
    client, forums, author, settings
):
    settings.CHM_EDIT_RATE_LIMIT = "2/m"
    topic = make_topic(forums.public, author)
    post = topic.posts.get(number=1)
    client.force_login(author)
    edit = f"/forums/post/{post.pk}/edit/"
    for text in ("Second version", "Third version"):
        assert client.post(edit, {"body": text}).status_code == 302
    response = client.post(edit, {"body": "Fourth version, too soon"})
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    html = response.content.decode()
    assert "editing too fast" in html
    assert "Fourth version, too soon" in html  # the member's text is still in the form
    post.refresh_from_db()
    assert post.raw == "Third version" and post.edit_count == 2


def test_moderators_are_not_held_to_the_edit_limit(client, people, forums, author):
    topic = make_topic(forums.public, author)
    post = topic.posts.get(number=1)
    client.force_login(people.moderator)
    for n in range(12):  # past the default of 10 a minute
        response = client.post(f"/forums/post/{post.pk}/edit/", {"body": f"Fix {n}"})
        assert response.status_code == 302
