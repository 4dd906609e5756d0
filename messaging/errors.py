"""The refusals of private messages, on the site's (core.refusals)."""

from django.utils.translation import gettext_lazy as _

from core.refusals import NotAllowed, Refusal, TooFast

__all__ = ["Blocked", "MessagingError", "NotAllowed", "RateLimited", "TooLong"]


class MessagingError(Refusal):
    default_message = _("This message cannot be sent.")


class Blocked(NotAllowed):
    default_message = _("This member does not accept messages from you.")


class RateLimited(TooFast):
    default_message = _("You are sending messages too fast.")


class TooLong(MessagingError):
    status = 413
