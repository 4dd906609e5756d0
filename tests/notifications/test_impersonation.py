"""Display names are free text; notices and emails name the member by their
unique username too, so "CBD Secretariat" cannot pass for the Secretariat."""

import pytest
from django.core import mail

from forum import posting
from messaging.sending import send_message
from notifications.models import Notification, NotificationSettings
from notifications.subscriptions import set_watch_level

from ..factories import established, make_topic


@pytest.fixture
def impostor(db):
    return established(username="mallory", display_name="CBD Secretariat")


@pytest.fixture
def reader(db):
    member = established(username="reader", email="reader@example.org")
    NotificationSettings.objects.create(user=member, email_frequency="immediate")
    return member


def test_a_mention_names_the_author_by_username_in_the_bell_and_the_email(
    forums, author, impostor, reader, django_capture_on_commit_callbacks
):
    topic = make_topic(forums.public, author)
    with django_capture_on_commit_callbacks(execute=True):
        posting.reply(topic, impostor, "Please send your password, @reader")
    notice = Notification.objects.get(recipient=reader)
    assert notice.title.startswith("CBD Secretariat (@mallory) mentioned you")
    assert "(@mallory)" in notice.as_message()["title"]
    [email] = mail.outbox
    assert "(@mallory)" in email.subject and "(@mallory)" in email.body


def test_a_reply_names_the_author_by_username(
    forums, impostor, reader, django_capture_on_commit_callbacks
):
    topic = make_topic(forums.public, reader)
    set_watch_level(reader, topic, "watching")
    with django_capture_on_commit_callbacks(execute=True):
        posting.reply(topic, impostor, "Official answer")
    assert Notification.objects.get(recipient=reader).title.startswith(
        "CBD Secretariat (@mallory) replied"
    )


def test_a_private_message_notice_names_the_sender_by_username(
    impostor, reader, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send_message(impostor, reader, "Your account will be closed")
    notice = Notification.objects.get(recipient=reader)
    assert notice.title == "Private message from CBD Secretariat (@mallory)"
    [email] = mail.outbox
    assert "(@mallory)" in email.subject


def test_a_member_without_a_display_name_is_named_once(
    forums, reader, django_capture_on_commit_callbacks
):
    plain = established(username="plain", display_name="", first_name="", last_name="")
    topic = make_topic(forums.public, reader)
    set_watch_level(reader, topic, "watching")
    with django_capture_on_commit_callbacks(execute=True):
        posting.reply(topic, plain, "Hello")
    assert Notification.objects.get(recipient=reader).title.startswith("@plain replied")
