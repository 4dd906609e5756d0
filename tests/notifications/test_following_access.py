"""A member follows only what they may read, and the list of what they follow
never shows the title or address of anything else."""

import pytest
from django.contrib.contenttypes.models import ContentType

from forum.models import Topic
from notifications.models import Subscription
from notifications.subscriptions import set_watch_level

from ..factories import make_topic

pytestmark = pytest.mark.django_db


def follow(client, kind: str, pk: int):
    return client.post(f"/notifications/follow/{kind}/{pk}/", {"level": "watching"})


def test_a_member_cannot_follow_a_focal_points_topic(client, people, forums, author):
    secret = make_topic(forums.focal, author, title="Negotiating position 2026")
    client.force_login(people.member)
    response = follow(client, "topic", secret.pk)
    assert response.status_code == 404
    assert not Subscription.objects.filter(user=people.member).exists()
    listing = client.get("/notifications/following/").content.decode()
    assert "Negotiating position 2026" not in listing
    assert secret.get_absolute_url() not in listing


def test_an_unreadable_topic_answers_like_one_that_does_not_exist(
    client, people, forums, author
):
    secret = make_topic(forums.focal, author, title="Negotiating position 2026")
    client.force_login(people.member)
    missing = follow(client, "topic", secret.pk + 1000)
    hidden = follow(client, "topic", secret.pk)
    assert missing.status_code == hidden.status_code == 404
    assert "Negotiating position 2026" not in hidden.text


@pytest.mark.parametrize("state", ["is_hidden", "is_deleted"])
def test_hidden_and_deleted_topics_cannot_be_followed(
    client, people, forums, author, state
):
    topic = make_topic(forums.public, author, title="Withdrawn topic")
    Topic.objects.filter(pk=topic.pk).update(**{state: True})
    client.force_login(people.member)
    assert follow(client, "topic", topic.pk).status_code == 404


def test_a_member_cannot_follow_a_focal_points_forum(client, people, forums):
    client.force_login(people.member)
    assert follow(client, "forum", forums.focal.pk).status_code == 404
    assert follow(client, "forum", forums.members.pk).status_code == 302


def test_what_a_member_may_no_longer_read_drops_out_of_their_following_list(
    client, people, forums, author
):
    """Subscriptions made earlier (or straight in the database) to a topic
    hidden or deleted since, or to a forum closed to the member."""
    shown = make_topic(forums.public, author, title="Open question")
    hidden = make_topic(forums.public, author, title="Hidden by a moderator")
    deleted = make_topic(forums.public, author, title="Deleted thread")
    secret = make_topic(forums.focal, author, title="Focal points planning")
    for obj in (shown, hidden, deleted, secret, forums.focal, forums.public):
        Subscription.objects.create(
            user=people.member,
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
        )
    Topic.objects.filter(pk=hidden.pk).update(is_hidden=True)
    Topic.objects.filter(pk=deleted.pk).update(is_deleted=True)
    client.force_login(people.member)
    listing = client.get("/notifications/following/").content.decode()
    assert "Open question" in listing and forums.public.name in listing
    for gone in (hidden, deleted, secret):
        assert gone.title not in listing
        assert gone.get_absolute_url() not in listing
    assert forums.focal.name not in listing


def test_focal_points_and_moderators_follow_the_focal_points_forum(
    client, people, forums, author
):
    secret = make_topic(forums.focal, author, title="Focal points planning")
    for reader in (people.focal_benin, people.moderator):
        client.force_login(reader)
        assert follow(client, "topic", secret.pk).status_code == 302
        listing = client.get("/notifications/following/").content.decode()
        assert "Focal points planning" in listing


def test_an_author_still_follows_their_own_hidden_topic(client, forums, author):
    topic = make_topic(forums.public, author, title="My hidden topic")
    set_watch_level(author, topic, "watching")
    Topic.objects.filter(pk=topic.pk).update(is_hidden=True)
    client.force_login(author)
    assert "My hidden topic" in client.get("/notifications/following/").text
