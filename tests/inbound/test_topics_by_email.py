"""A forum that accepts topics by email answers at <slug>@<domain>: a known,
verified sender starts a topic there, marked "by email" for moderators."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail as django_mail

from community.national_spaces import make_moderator
from forum.models import Forum, Topic
from notifications.models import InboundMessage
from tests.factories import build_network, established, login, make_forums
from tests.factories.users import enrol_in_two_factor

from .smtp_client import deliver, mail

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def forest(db):
    network = build_network()
    forums = make_forums(network)
    Forum.objects.filter(pk=forums.public.pk).update(topics_by_email=True)
    return forums.public


def with_dmarc(message, verdict: str):
    message["Authentication-Results"] = (
        f"mx.example.org; spf=pass smtp.mailfrom=example.org; dmarc={verdict} "
        "header.from=example.org"
    )
    return message


def test_a_verified_member_starts_a_topic_by_email(forest, inbound_server):
    ana = established(username="ana", email="ana@example.org")
    message = with_dmarc(
        mail(
            ana.email,
            "forest@localhost",
            "How do you count seedlings after a fire?\n\n-- \nAna",
            subject="Counting seedlings",
        ),
        "pass",
    )

    _rcpt, code, _text = deliver(inbound_server, message)

    assert code == 250
    topic = Topic.objects.get(forum=forest)
    assert topic.title == "Counting seedlings"
    assert topic.author == ana and topic.by_email
    assert topic.posts.get().raw == "How do you count seedlings after a fire?"
    record = InboundMessage.objects.get()
    assert record.handler == "forum" and record.outcome == "posted"


def test_moderators_see_the_topic_marked_by_email(forest, inbound_server):
    ana = established(username="ana", email="ana@example.org")
    deliver(
        inbound_server,
        mail(ana.email, "forest@localhost", "A question.", subject="By mail"),
    )
    topic = Topic.objects.get(forum=forest)
    moderator = enrol_in_two_factor(established(username="mod"))
    make_moderator(moderator)

    seen_by_moderator = login(moderator).get(topic.get_absolute_url())
    seen_by_member = login(ana).get(topic.get_absolute_url())

    assert 'class="badge">By email<' in seen_by_moderator.content.decode()
    assert 'class="badge">By email<' not in seen_by_member.content.decode()


def test_an_unknown_sender_is_refused(forest, inbound_server):
    message = mail("stranger@elsewhere.example", "forest@localhost", "Buy now")
    _rcpt, code, _text = deliver(inbound_server, message, envelope_from="s@e.example")
    assert code == 550
    assert not Topic.objects.exists()
    assert django_mail.outbox == []  # no backscatter to a stranger


def test_an_unverified_address_is_refused(forest, inbound_server):
    ana = established(username="ana", email="ana@example.org")
    EmailAddress.objects.filter(user=ana).update(verified=False)
    _rcpt, code, _text = deliver(
        inbound_server, mail(ana.email, "forest@localhost", "Hello", subject="Hi")
    )
    assert code == 550
    assert not Topic.objects.exists()


def test_a_dmarc_failure_is_refused(forest, inbound_server):
    ana = established(username="ana", email="ana@example.org")
    message = with_dmarc(
        mail(ana.email, "forest@localhost", "Forged?", subject="Hello"), "fail"
    )

    _rcpt, code, _text = deliver(inbound_server, message)

    assert code == 250
    assert not Topic.objects.exists()
    (answer,) = django_mail.outbox
    assert answer.to == [ana.email] and "DMARC" in answer.body


def test_a_forum_without_topics_by_email_has_no_address(forest, inbound_server):
    ana = established(username="ana", email="ana@example.org")
    rcpt, _code, _text = deliver(
        inbound_server, mail(ana.email, "marine@localhost", "Hello", subject="Hi")
    )
    assert rcpt == 550
    assert not Topic.objects.exists()
