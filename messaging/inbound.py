"""Answering a private message by email (notifications/inbound): the
notification email of a message carries a reply address bound to the
conversation (the other member); the answer is sent with
`sending.send_message`, so blocks, rate limits and the length limit apply as
on the site, and their refusals go back to the member."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils.translation import gettext as _

from notifications.inbound.registry import Posted, register_inbound_handler

from .errors import MessagingError
from .models import Message
from .sending import send_message
from .tasks import MESSAGE

CONVERSATION = "conversation"


def reply_target(notification) -> int | None:
    """The member who wrote the message: the answer goes to them."""
    prefix, _sep, pk = notification.event_key.partition(":")
    if prefix != "message" or not pk.isdigit():
        return None
    return (
        Message.objects.filter(pk=int(pk)).values_list("sender_id", flat=True).first()
    )


def reply_by_email(member, other_id: int, content) -> Posted:
    other = get_user_model().objects.filter(pk=other_id).first()
    if other is None:
        raise MessagingError(_("This member's account is closed."))
    send_message(member, other, content.text)
    return Posted(reverse("messaging:conversation", args=[other.username]))


def register_inbound() -> None:
    """From `MessagingConfig.ready()`."""
    register_inbound_handler(
        CONVERSATION,
        reply=reply_by_email,
        reply_target=reply_target,
        notification_kinds={MESSAGE},
    )
