"""Private messages between members: sending, reading, blocking.

Each function checks its own rules, so views, the admin, commands and tests
all call the same thing. Nothing is stored unless every check passed, and the
recipient is notified through the notifications app once the row committed.
"""

from datetime import timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .errors import Blocked, MessagingError, NotAllowed, RateLimited, TooLong
from .models import MAX_MESSAGE_LENGTH, Block, Message

# Seconds between two messages, and messages per hour; new members (who
# joined less than NEW_MEMBER_DAYS ago) get the lower cap, as spam comes
# from fresh accounts.
MESSAGE_INTERVAL = 10
HOURLY_LIMIT = 20
HOURLY_LIMIT_NEW = 5
NEW_MEMBER_DAYS = 3


def is_blocked(sender, recipient) -> bool:
    """Either side's block stops the conversation."""
    return Block.objects.filter(
        blocker__in=(sender.pk, recipient.pk), blocked__in=(sender.pk, recipient.pk)
    ).exists()


def check_rate_limit(sender) -> None:
    """A short interval between messages (`cache.add`, as the forum does) and an
    hourly cap counted with the cache's atomic `incr`, shared by every server
    process through Redis."""
    if not cache.add(f"messaging:interval:{sender.pk}", 1, timeout=MESSAGE_INTERVAL):
        raise RateLimited(
            ngettext(
                "Please wait %(seconds)s second between messages.",
                "Please wait %(seconds)s seconds between messages.",
                MESSAGE_INTERVAL,
            )
            % {"seconds": MESSAGE_INTERVAL}
        )
    new = sender.date_joined > timezone.now() - timedelta(days=NEW_MEMBER_DAYS)
    limit = HOURLY_LIMIT_NEW if new else HOURLY_LIMIT
    hour = int(timezone.now().timestamp() // 3600)
    key = f"messaging:hourly:{sender.pk}:{hour}"
    cache.add(key, 0, timeout=3600)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=3600)
        count = 1
    if count > limit:
        raise RateLimited(
            ngettext(
                "You can send at most %(limit)s message an hour.",
                "You can send at most %(limit)s messages an hour.",
                limit,
            )
            % {"limit": limit}
        )


def clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise MessagingError(_("Write a message before sending it."))
    if len(body) > MAX_MESSAGE_LENGTH:
        raise TooLong(
            ngettext(
                "A message has at most %(limit)s character",
                "A message has at most %(limit)s characters",
                MAX_MESSAGE_LENGTH,
            )
            % {"limit": MAX_MESSAGE_LENGTH}
            + " "
            + ngettext("(it has %(length)s).", "(it has %(length)s).", len(body))
            % {"length": len(body)}
        )
    return body


def check_can_write(sender, recipient) -> None:
    if not sender.is_authenticated or not sender.is_active:
        raise NotAllowed(_("Sign in to send messages."))
    if sender.pk == recipient.pk:
        raise MessagingError(_("You cannot send a message to yourself."))
    if not recipient.is_active:
        raise MessagingError(_("This member's account is closed."))
    if is_blocked(sender, recipient):
        if Block.objects.filter(blocker=sender, blocked=recipient).exists():
            raise Blocked(_("You blocked this member: unblock them to write."))
        raise Blocked()


@transaction.atomic
def send_message(sender, recipient, body: str) -> Message:
    """Store the message, then (after commit) notify the recipient."""
    check_can_write(sender, recipient)
    body = clean_body(body)
    check_rate_limit(sender)
    message = Message.objects.create(sender=sender, recipient=recipient, body=body)
    from . import tasks

    transaction.on_commit(lambda: tasks.message_sent.enqueue(message.pk))
    return message


def mark_conversation_read(reader, other) -> int:
    return Message.objects.filter(
        recipient=reader, sender=other, read_at__isnull=True
    ).update(read_at=timezone.now())


def block_member(blocker, member) -> Block | None:
    """Stop `member` from writing to `blocker` (and the other way round)."""
    if blocker.pk == member.pk:
        raise MessagingError(_("You cannot block yourself."))
    try:
        with transaction.atomic():
            block, _created = Block.objects.get_or_create(
                blocker=blocker, blocked=member
            )
    except IntegrityError:
        block = Block.objects.filter(blocker=blocker, blocked=member).first()
    return block


def unblock_member(blocker, member) -> None:
    Block.objects.filter(blocker=blocker, blocked=member).delete()
