import pytest
from django.core import mail
from django.core.cache import cache

from messaging.errors import Blocked, MessagingError, RateLimited, TooLong
from messaging.models import Block, Message
from messaging.sending import (
    HOURLY_LIMIT,
    HOURLY_LIMIT_NEW,
    block_member,
    send_message,
)
from messaging.tasks import MESSAGE
from notifications.models import Notification, NotificationSettings

from ..factories import UserFactory, established


@pytest.fixture
def alice(db):
    return established(username="alice", display_name="Alice Expert")


@pytest.fixture
def bob(db):
    return established(username="bob", display_name="Bob Newcomer")


def post_message(client, to: str, body: str, capture):
    with capture(execute=True):
        return client.post(f"/messages/with/{to}/", {"body": body})


def test_a_member_sends_a_message_and_the_recipient_is_notified(
    client, alice, bob, django_capture_on_commit_callbacks
):
    NotificationSettings.objects.create(user=alice, email_frequency="immediate")
    client.force_login(bob)
    response = post_message(
        client,
        "alice",
        "Hello, could you advise on mangroves?",
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    message = Message.objects.get()
    assert (message.sender, message.recipient) == (bob, alice)
    notice = Notification.objects.get(recipient=alice)
    assert notice.kind == MESSAGE
    assert notice.title == "Private message from Bob Newcomer (@bob)"
    assert notice.url == "/messages/with/bob/"
    assert len(mail.outbox) == 1 and "Bob Newcomer" in mail.outbox[0].subject + (
        mail.outbox[0].body
    )
    client.force_login(alice)
    html = client.get("/messages/").content.decode()
    assert "Bob Newcomer" in html and "1 unread" in html
    html = client.get("/messages/with/bob/").content.decode()
    assert "could you advise on mangroves?" in html
    message.refresh_from_db()
    assert message.read_at is not None
    assert "1 unread" not in client.get("/messages/").content.decode()


def test_a_member_who_turned_message_notices_off_still_gets_the_message(
    client, alice, bob, django_capture_on_commit_callbacks
):
    NotificationSettings.objects.create(
        user=alice, channels={MESSAGE: {"app": False, "email": False}}
    )
    client.force_login(bob)
    post_message(client, "alice", "Hello", django_capture_on_commit_callbacks)
    assert Message.objects.count() == 1
    assert not Notification.objects.filter(recipient=alice).exists()


def test_message_bodies_are_shown_as_text_not_html(client, alice, bob):
    send_message(bob, alice, '<script>alert("x")</script> <b>bold</b>')
    client.force_login(alice)
    html = client.get("/messages/with/bob/").content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;" in html


def test_anonymous_visitors_are_sent_to_sign_in(client, alice):
    for url in ("/messages/", "/messages/with/alice/"):
        response = client.get(url)
        assert (
            response.status_code == 302 and "/accounts/login/" in response["Location"]
        )
    response = client.post("/messages/with/alice/", {"body": "Hi"})
    assert response.status_code == 302
    assert not Message.objects.exists()


def test_others_cannot_read_a_conversation(client, alice, bob):
    send_message(bob, alice, "Private words")
    eve = established(username="eve")
    client.force_login(eve)
    assert "Private words" not in client.get("/messages/with/bob/").content.decode()
    assert "Private words" not in client.get("/messages/with/alice/").content.decode()
    assert "Private words" not in client.get("/messages/").content.decode()


@pytest.mark.parametrize(
    "body,status,error",
    [
        ("", 400, "This field is required."),
        ("   \n ", 400, "This field is required."),
        ("x" * 2001, 400, "at most 2000 characters"),
        ("x" * 100_000, 400, "at most 2000 characters"),
    ],
)
def test_empty_or_huge_messages_are_refused_and_nothing_is_sent(
    client, alice, bob, body, status, error, django_capture_on_commit_callbacks
):
    client.force_login(bob)
    response = post_message(client, "alice", body, django_capture_on_commit_callbacks)
    assert response.status_code == status
    assert error in response.content.decode()
    assert not Message.objects.exists() and not Notification.objects.exists()


def test_the_sending_function_refuses_empty_and_huge_bodies(alice, bob):
    with pytest.raises(MessagingError, match="Write a message"):
        send_message(bob, alice, "  ")
    with pytest.raises(TooLong):
        send_message(bob, alice, "y" * 2001)
    assert not Message.objects.exists()


def test_messages_to_oneself_are_refused(client, bob):
    client.force_login(bob)
    response = client.get("/messages/with/bob/")
    assert response.status_code == 400
    assert "You cannot send a message to yourself." in response.content.decode()
    response = client.post("/messages/with/bob/", {"body": "Me"})
    assert response.status_code == 400
    with pytest.raises(MessagingError):
        send_message(bob, bob, "Me")
    assert not Message.objects.exists()


def test_messages_to_unknown_or_closed_accounts_are_not_found(client, bob):
    established(username="closed", is_active=False)
    client.force_login(bob)
    assert client.post("/messages/with/nobody/", {"body": "Hi"}).status_code == 404
    assert client.post("/messages/with/closed/", {"body": "Hi"}).status_code == 404
    assert not Message.objects.exists()


def test_a_blocked_member_cannot_write_and_the_blocker_cannot_either(
    client, alice, bob, django_capture_on_commit_callbacks
):
    client.force_login(alice)
    response = client.post("/messages/with/bob/block/")
    assert response.status_code == 302
    assert Block.objects.filter(blocker=alice, blocked=bob).exists()
    client.post("/messages/with/bob/block/")  # twice is harmless
    assert Block.objects.count() == 1
    assert "Unblock this member" in client.get("/messages/with/bob/").content.decode()

    client.force_login(bob)
    response = post_message(client, "alice", "Hi?", django_capture_on_commit_callbacks)
    assert response.status_code == 403
    assert "does not accept messages from you" in response.content.decode()
    with pytest.raises(Blocked):
        send_message(alice, bob, "Blocking and writing")
    assert not Message.objects.exists() and not Notification.objects.exists()

    client.force_login(alice)
    client.post("/messages/with/bob/unblock/")
    client.force_login(bob)
    response = post_message(client, "alice", "Hi!", django_capture_on_commit_callbacks)
    assert response.status_code == 302 and Message.objects.count() == 1


def test_blocking_oneself_is_refused(client, bob):
    client.force_login(bob)
    assert client.post("/messages/with/bob/block/").status_code == 400
    with pytest.raises(MessagingError):
        block_member(bob, bob)
    assert not Block.objects.exists()


def test_block_and_unblock_ask_first_and_need_a_post(client, alice, bob):
    client.force_login(alice)
    response = client.get("/messages/with/bob/block/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Block Bob Newcomer?" in html
    assert 'action="/messages/with/bob/block/"' in html
    assert not Block.objects.exists()
    assert client.put("/messages/with/bob/block/").status_code == 405
    assert not Block.objects.exists()


def test_messages_have_a_minimum_interval(
    client, alice, bob, django_capture_on_commit_callbacks
):
    client.force_login(bob)
    assert (
        post_message(
            client, "alice", "One", django_capture_on_commit_callbacks
        ).status_code
        == 302
    )
    response = post_message(client, "alice", "Two", django_capture_on_commit_callbacks)
    assert response.status_code == 429
    assert "Please wait 10 seconds between messages." in response.content.decode()
    assert Message.objects.count() == 1
    assert Notification.objects.count() == 1


def _clear_interval(member):
    cache.delete(f"messaging:interval:{member.pk}")


def test_messages_per_hour_are_capped(alice, bob):
    for n in range(HOURLY_LIMIT):
        _clear_interval(bob)
        send_message(bob, alice, f"Message {n}")
    _clear_interval(bob)
    with pytest.raises(RateLimited, match=f"at most {HOURLY_LIMIT} messages an hour"):
        send_message(bob, alice, "One too many")
    assert Message.objects.count() == HOURLY_LIMIT


def test_new_members_have_a_lower_hourly_cap(alice):
    newcomer = UserFactory(username="fresh")
    for n in range(HOURLY_LIMIT_NEW):
        _clear_interval(newcomer)
        send_message(newcomer, alice, f"Message {n}")
    _clear_interval(newcomer)
    with pytest.raises(RateLimited):
        send_message(newcomer, alice, "Spam")
    assert Message.objects.count() == HOURLY_LIMIT_NEW


def test_blocked_or_bad_messages_do_not_use_up_the_rate_limit(alice, bob):
    with pytest.raises(MessagingError):
        send_message(bob, alice, "")
    send_message(bob, alice, "Fine")  # no interval was spent on the empty one
    assert Message.objects.count() == 1


def test_profiles_offer_a_message_button_to_signed_in_members_only(client, alice, bob):
    assert "Send a message" not in client.get("/members/alice/").content.decode()
    client.force_login(bob)
    assert "Send a message" in client.get("/members/alice/").content.decode()
    assert "Send a message" not in client.get("/members/bob/").content.decode()
    assert 'href="/messages/"' in client.get("/members/bob/").content.decode()


def test_inbox_query_count_does_not_grow_with_conversations(
    client, alice, django_assert_max_num_queries
):
    for n in range(25):
        sender = established(username=f"writer{n}")
        Message.objects.create(sender=sender, recipient=alice, body=f"Hello {n}")
        Message.objects.create(sender=alice, recipient=sender, body=f"Reply {n}")
    client.force_login(alice)
    with django_assert_max_num_queries(12):
        response = client.get("/messages/")
    assert response.status_code == 200
    assert "Hello 24" not in response.content.decode()  # alice replied last
    assert "You: Reply 24" in response.content.decode()
