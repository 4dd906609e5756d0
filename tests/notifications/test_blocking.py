"""A member who blocks another hears nothing more from them: no mention, quote,
reply or like reaches their bell or their email."""

import pytest
from django.core import mail
from django.core.cache import cache

from forum import moderation, posting
from messaging.sending import block_member, unblock_member
from notifications.models import Notification, NotificationSettings
from notifications.subscriptions import set_watch_level

from ..factories import established, make_topic


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    def runner(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return runner


def inbox(user):
    return list(
        Notification.objects.filter(recipient=user).values_list("kind", flat=True)
    )


@pytest.fixture
def pair(db):
    """`blocker` blocks `pest`; both are established members."""
    blocker = established(username="blocker", email="blocker@example.org")
    NotificationSettings.objects.create(user=blocker, email_frequency="immediate")
    pest = established(username="pest")
    block_member(blocker, pest)
    mail.outbox.clear()
    return blocker, pest


def test_a_blocked_members_mention_reaches_neither_bell_nor_email(
    run, forums, author, pair
):
    blocker, pest = pair
    topic = make_topic(forums.public, author)
    run(posting.reply, topic, pest, "What do you think, @blocker?")
    assert inbox(blocker) == []
    assert mail.outbox == []


def test_others_mentions_still_reach_the_blocker(run, forums, author, pair):
    blocker, _pest = pair
    topic = make_topic(forums.public, author)
    run(posting.reply, topic, established(), "What do you think, @blocker?")
    assert inbox(blocker) == ["mention"]
    assert [message.to for message in mail.outbox] == [["blocker@example.org"]]


def test_a_blocked_member_cannot_reach_the_blocker_by_reply_quote_or_like(
    run, forums, pair
):
    blocker, pest = pair
    topic = make_topic(forums.public, blocker)
    set_watch_level(blocker, topic, "watching")
    first = topic.posts.get(number=1)
    run(posting.reply, topic, pest, "> quoted\n\nNo", reply_to=first)
    cache.clear()  # past the interval between two posts
    run(posting.reply, topic, pest, "And again")
    run(posting.like_post, first, pest)
    assert inbox(blocker) == []
    assert mail.outbox == []


def test_a_new_topic_mentioning_the_blocker_stays_silent(run, forums, pair):
    blocker, pest = pair
    set_watch_level(blocker, forums.public, "watching")
    run(posting.create_topic, forums.public, pest, "Look", "Hey @blocker, look")
    assert inbox(blocker) == []


def test_unblocking_lets_mentions_through_again(run, forums, author, pair):
    blocker, pest = pair
    unblock_member(blocker, pest)
    topic = make_topic(forums.public, author)
    run(posting.reply, topic, pest, "Friends again, @blocker?")
    assert inbox(blocker) == ["mention"]


def test_a_moderators_decision_reaches_a_member_who_blocks_them(run, people, forums):
    topic = make_topic(forums.public, people.member)
    block_member(people.member, people.moderator)
    post = run(posting.reply, topic, people.member, "Off topic")
    run(moderation.hide_post, post, people.moderator)
    assert "moderation" in inbox(people.member)
