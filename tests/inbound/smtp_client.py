"""Speaking SMTP to the email-in server the way a member's mail system does."""

import email.policy
import itertools
import smtplib
from email.message import EmailMessage

from notifications.models import NotificationSettings

_ids = itertools.count(1)


def mail(sender: str, to: str, body: str = "", *, subject="Re: a topic", html=None):
    message = EmailMessage()
    message["From"] = sender
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = f"<test-{next(_ids)}@example.org>"
    if body:
        message.set_content(body)
    if html is not None:
        if body:
            message.add_alternative(html, subtype="html")
        else:
            message.set_content(html, subtype="html")
    return message


def deliver(server, message, *, envelope_from=None, to=None):
    """Speak SMTP to the server; returns (rcpt code, data code, data text)."""
    with smtplib.SMTP(server.hostname, server.port, timeout=30) as client:
        client.ehlo("test.example.org")
        client.mail(envelope_from or message["From"])
        code, _text = client.rcpt(to or message["To"])
        if code >= 400:
            return code, None, ""
        data_code, data_text = client.data(message.as_bytes(policy=email.policy.SMTP))
        return code, data_code, data_text.decode()


def immediate_email(*users) -> None:
    for user in users:
        NotificationSettings.objects.update_or_create(
            user=user, defaults={"email_frequency": "immediate"}
        )


def reply_to_of(outbox, recipient_email: str) -> str:
    sent = [m for m in outbox if recipient_email in m.to and m.reply_to]
    assert sent, f"no notification with a Reply-To for {recipient_email}"
    return sent[-1].reply_to[0]


QUOTED = (
    "\n\nOn Mon, 7 Dec 2026 at 10:00, Someone <someone@example.org> wrote:\n"
    "> The message this answers,\n> quoted by the mail client.\n"
)
SIGNATURE = "\n-- \nAna Diaz\nMinistry of Environment\n"
