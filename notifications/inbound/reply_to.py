"""The Reply-To of a notification email: the handler registered for the
notification's kind names its target (the topic, the conversation), and the
address carries a token bound to the recipient and that target."""

import logging

from django.conf import settings

from .registry import handler_for_notification
from .tokens import reply_address

logger = logging.getLogger(__name__)


def reply_address_for(notification) -> str | None:
    if not settings.CHM_INBOUND_DOMAIN:
        return None
    handler = handler_for_notification(notification.kind)
    if handler is None:
        return None
    try:
        target = handler.reply_target(notification)
    except Exception:  # the email goes out without a Reply-To rather than not at all
        logger.exception("No reply target for notification %s", notification.pk)
        return None
    if target is None:
        return None
    return reply_address(notification.recipient_id, handler.kind, target)
