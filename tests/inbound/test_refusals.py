"""Every refusal: nothing is posted, and the member is told why by email, in
their language."""

import time

import pytest
from django.core import mail as django_mail

from forum import posting
from forum.models import Forum, Post, Topic
from notifications.inbound import receiving
from notifications.inbound.tokens import make_token, revoke_all
from notifications.models import InboundMessage, Subscription
from tests.factories import (
    UserFactory,
    build_network,
    established,
    make_forums,
    make_topic,
)

from .smtp_client import deliver, immediate_email, mail, reply_to_of

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def scene(db):
    network = build_network()
    forums = make_forums(network)
    author = established(username="ana", email="ana@example.org")
    watcher = established(username="kofi", email="kofi@example.org")
    topic = make_topic(forums.public, author, title="Mangrove restoration")
    Subscription.objects.create(user=watcher, target=topic)
    immediate_email(watcher)
    posting.reply(topic, author, "Who has tried replanting?")
    address = reply_to_of(django_mail.outbox, watcher.email)
    django_mail.outbox.clear()
    return topic, watcher, address


def refusal_to(user):
    answers = [m for m in django_mail.outbox if m.to == [user.email]]
    assert len(answers) == 1, [m.subject for m in django_mail.outbox]
    answer = answers[0]
    assert answer.extra_headers["Auto-Submitted"] == "auto-replied"
    return answer


def posts_by(user) -> int:
    return Post.objects.filter(author=user).count()


def test_a_forged_token_is_refused(scene, inbound_server):
    topic, watcher, address = scene
    local, domain = address.split("@")
    forged = local[:-3] + ("aaa" if not local.endswith("aaa") else "bbb") + "@" + domain

    _rcpt, code, _text = deliver(inbound_server, mail(watcher.email, forged, "Hi"))

    assert code == 250
    assert posts_by(watcher) == 0
    assert "not valid" in refusal_to(watcher).body


def test_another_sender_with_a_valid_token_is_refused(scene, inbound_server):
    topic, watcher, address = scene
    other = established(username="mallory", email="mallory@example.org")

    _rcpt, code, _text = deliver(inbound_server, mail(other.email, address, "Spam"))

    assert code == 250
    assert posts_by(other) == 0 and posts_by(watcher) == 0
    # The owner of the address hears of it; the other sender gets nothing.
    assert "mallory@example.org" in refusal_to(watcher).body
    assert not [m for m in django_mail.outbox if other.email in m.to]


def test_an_unknown_sender_with_a_valid_token_gets_550(scene, inbound_server):
    topic, watcher, address = scene
    message = mail("stranger@elsewhere.example", address, "Hello")
    _rcpt, code, _text = deliver(inbound_server, message)
    assert code == 250  # the address's owner was told
    assert Post.objects.filter(topic=topic).count() == 2
    assert InboundMessage.objects.get().outcome == InboundMessage.Outcome.REFUSED


def test_a_locked_topic_is_refused(scene, inbound_server):
    topic, watcher, address = scene
    Topic.objects.filter(pk=topic.pk).update(is_locked=True)

    _rcpt, code, _text = deliver(inbound_server, mail(watcher.email, address, "Late"))

    assert code == 250
    assert posts_by(watcher) == 0
    assert "This topic is closed." in refusal_to(watcher).body


def test_lost_access_is_refused(scene, inbound_server):
    topic, watcher, address = scene
    Forum.objects.filter(pk=topic.forum_id).update(
        visibility=Forum.Visibility.FOCAL_POINTS
    )

    _rcpt, code, _text = deliver(inbound_server, mail(watcher.email, address, "Hi"))

    assert code == 250
    assert posts_by(watcher) == 0
    assert "not allowed" in refusal_to(watcher).body


def test_an_expired_token_is_refused(scene, inbound_server, settings):
    topic, watcher, _address = scene
    settings.CHM_REPLY_TOKEN_MAX_AGE = 3600
    old = make_token(watcher.pk, "topic", topic.pk, now=time.time() - 7200)
    address = f"reply+{old}@localhost"

    _rcpt, code, _text = deliver(inbound_server, mail(watcher.email, address, "Hi"))

    assert code == 250
    assert posts_by(watcher) == 0
    assert "expired" in refusal_to(watcher).body


def test_a_revoked_token_is_refused(scene, inbound_server):
    topic, watcher, address = scene
    revoke_all(watcher.pk)

    _rcpt, code, _text = deliver(inbound_server, mail(watcher.email, address, "Hi"))

    assert code == 250
    assert posts_by(watcher) == 0
    assert "withdrawn" in refusal_to(watcher).body


def test_a_new_members_rate_limit_applies(db, inbound_server):
    network = build_network()
    forums = make_forums(network)
    author = established(username="ana", email="ana@example.org")
    newcomer = UserFactory(username="new", email="new@example.org")
    topic = make_topic(forums.public, author)
    Subscription.objects.create(user=newcomer, target=topic)
    immediate_email(newcomer)
    posting.reply(topic, author, "Welcome, everyone.")
    address = reply_to_of(django_mail.outbox, newcomer.email)
    django_mail.outbox.clear()

    first = deliver(inbound_server, mail(newcomer.email, address, "Thank you!"))
    second = deliver(inbound_server, mail(newcomer.email, address, "One more thing."))

    assert first[1] == second[1] == 250
    assert list(Post.objects.filter(author=newcomer).values_list("raw", flat=True)) == [
        "Thank you!"
    ]
    assert "too fast" in refusal_to(newcomer).body


def test_the_refusal_is_in_the_members_language(scene, inbound_server):
    topic, watcher, address = scene
    type(watcher).objects.filter(pk=watcher.pk).update(preferred_language="fr")
    Topic.objects.filter(pk=topic.pk).update(is_locked=True)

    deliver(inbound_server, mail(watcher.email, address, "Trop tard"))

    answer = refusal_to(watcher)
    assert "Ce sujet est fermé." in answer.body
    assert "Bonjour" in answer.body


def test_a_20_mb_message_is_refused_before_it_is_parsed(
    scene, inbound_server, monkeypatch
):
    topic, watcher, address = scene
    parsed = []
    real = receiving.read_mail
    monkeypatch.setattr(
        receiving, "read_mail", lambda *args: parsed.append(1) or real(*args)
    )
    message = mail(watcher.email, address, "x" * 70 + "\n")
    message.set_content(("word " * 15 + "\n") * (20 * 1024 * 1024 // 76))

    _rcpt, code, text = deliver(inbound_server, message)

    assert code == 552, text
    assert parsed == []
    assert posts_by(watcher) == 0
    record = InboundMessage.objects.get()
    assert record.outcome == InboundMessage.Outcome.TOO_LARGE
    assert "larger than" in refusal_to(watcher).body


def test_a_declared_size_over_the_limit_is_refused_at_mail_from(scene, inbound_server):
    import smtplib

    topic, watcher, address = scene
    with smtplib.SMTP(inbound_server.hostname, inbound_server.port) as client:
        client.ehlo("test.example.org")
        code, _text = client.mail(watcher.email, ["SIZE=20971520"])
    assert code == 552
