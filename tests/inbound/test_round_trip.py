"""A notification email goes out with a Reply-To; the member's answer, sent
over SMTP to that address, is posted as theirs, without the quote and the
signature."""

import pytest
from django.core import mail as django_mail

from forum import posting
from forum.models import Post
from messaging.models import Message
from messaging.sending import send_message
from notifications.models import InboundMessage, Subscription
from tests.factories import build_network, established, make_forums, make_topic

from .smtp_client import QUOTED, SIGNATURE, deliver, immediate_email, mail, reply_to_of

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def scene(db):
    network = build_network()
    forums = make_forums(network)
    author = established(username="ana", email="ana@example.org")
    watcher = established(username="kofi", email="kofi@example.org")
    topic = make_topic(forums.public, author, title="Mangrove restoration")
    Subscription.objects.create(user=watcher, target=topic)
    immediate_email(watcher, author)
    return forums, author, watcher, topic


def test_reply_by_email_is_posted_by_the_member_without_quote_or_signature(
    scene, inbound_server
):
    forums, author, watcher, topic = scene
    posting.reply(topic, author, "Has anyone tried replanting in the dry season?")
    address = reply_to_of(django_mail.outbox, watcher.email)
    assert address.startswith("reply+") and address.endswith("@localhost")
    assert len(address.split("@")[0]) <= 64
    notice = [m for m in django_mail.outbox if watcher.email in m.to][-1]
    assert "Reply to this email" in notice.body

    body = "We replanted in March: it worked well." + QUOTED + SIGNATURE
    _rcpt, code, _text = deliver(inbound_server, mail(watcher.email, address, body))

    assert code == 250
    post = Post.objects.filter(topic=topic).order_by("-number").first()
    assert post.author == watcher
    assert post.raw == "We replanted in March: it worked well."
    assert "quoted by the mail client" not in post.html
    assert "Ministry" not in post.html
    record = InboundMessage.objects.get()
    assert record.outcome == InboundMessage.Outcome.POSTED
    assert record.member == watcher and record.url.endswith(f"#post-{post.number}")


def test_the_same_message_delivered_twice_is_posted_once(scene, inbound_server):
    forums, author, watcher, topic = scene
    posting.reply(topic, author, "A question for the watchers.")
    address = reply_to_of(django_mail.outbox, watcher.email)
    message = mail(watcher.email, address, "Answered once.")
    deliver(inbound_server, message)
    _rcpt, code, _text = deliver(inbound_server, message)
    assert code == 250
    assert Post.objects.filter(topic=topic, author=watcher).count() == 1


def test_reply_to_a_private_message_by_email(db, inbound_server):
    build_network()
    ana = established(username="ana", email="ana@example.org")
    kofi = established(username="kofi", email="kofi@example.org")
    immediate_email(kofi)
    send_message(ana, kofi, "Could you share the survey protocol?")
    address = reply_to_of(django_mail.outbox, kofi.email)

    body = "Yes, I will send it on Monday." + QUOTED + SIGNATURE
    _rcpt, code, _text = deliver(inbound_server, mail(kofi.email, address, body))

    assert code == 250
    answer = Message.objects.get(sender=kofi)
    assert answer.recipient == ana
    assert answer.body == "Yes, I will send it on Monday."


def test_html_only_mail_comes_out_clean(scene, inbound_server):
    forums, author, watcher, topic = scene
    posting.reply(topic, author, "Send us your photos.")
    address = reply_to_of(django_mail.outbox, watcher.email)
    html = (
        "<div><p>Here is <b>our</b> report "
        '<a href="javascript:alert(1)">click</a> and '
        '<a href="https://example.org/report">the report</a>.</p>'
        "<script>alert('x')</script>"
        '<img src="x" onerror="alert(2)">'
        '<p onclick="alert(3)">Thanks</p></div>'
        '<div class="gmail_quote">'
        "On Mon, 7 Dec 2026 at 10:00, Ana &lt;ana@example.org&gt; wrote:"
        "<blockquote>Send us your photos.</blockquote></div>"
    )
    _rcpt, code, _text = deliver(
        inbound_server, mail(watcher.email, address, html=html)
    )

    assert code == 250
    post = Post.objects.get(topic=topic, author=watcher)
    for bad in ("<script", "javascript:", "onerror", "onclick", "alert("):
        assert bad not in post.html.lower()
        assert bad not in post.raw.lower()
    assert '<a href="https://example.org/report"' in post.html
    assert "<strong>our</strong>" in post.html
    assert "Send us your photos" not in post.raw


def test_attachments_are_dropped_and_the_member_is_told(scene, inbound_server):
    forums, author, watcher, topic = scene
    posting.reply(topic, author, "Any data?")
    address = reply_to_of(django_mail.outbox, watcher.email)
    message = mail(watcher.email, address, "The figures are attached.")
    message.add_attachment(
        b"a,b\n1,2\n", maintype="text", subtype="csv", filename="figures.csv"
    )
    django_mail.outbox.clear()

    _rcpt, code, _text = deliver(inbound_server, message)

    assert code == 250
    post = Post.objects.get(topic=topic, author=watcher)
    assert post.raw == "The figures are attached."
    assert "a,b" not in post.raw
    (notice,) = [m for m in django_mail.outbox if m.to == [watcher.email]]
    assert "figures.csv" in notice.body
    assert InboundMessage.objects.get().attachments_dropped == 1
