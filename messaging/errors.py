from django.utils.translation import gettext_lazy as _


class MessagingError(Exception):
    """A refusal the member should read, with the HTTP status that fits it."""

    status = 400
    default_message = _("This message cannot be sent.")

    def __init__(self, message=None):
        super().__init__(message or self.default_message)
        self.message = message or self.default_message


class NotAllowed(MessagingError):
    status = 403
    default_message = _("You are not allowed to do this.")


class Blocked(MessagingError):
    status = 403
    default_message = _("This member does not accept messages from you.")


class RateLimited(MessagingError):
    status = 429
    default_message = _("You are sending messages too fast.")


class TooLong(MessagingError):
    status = 413
