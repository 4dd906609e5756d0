from django.utils.translation import gettext_lazy as _


class ForumError(Exception):
    """A refusal the member should read, with the HTTP status that fits it."""

    status = 400

    def __init__(self, message=None, *, retry_after: int | None = None):
        super().__init__(message or self.default_message)
        self.message = message or self.default_message
        # Seconds after which trying again may succeed (sent as Retry-After).
        self.retry_after = retry_after

    default_message = _("This action is not possible.")


class NotAllowed(ForumError):
    status = 403
    default_message = _("You are not allowed to do this.")


class RateLimited(ForumError):
    status = 429
    default_message = _("You are posting too fast.")


class Duplicate(ForumError):
    status = 429
    default_message = _(
        "You posted the same text a moment ago. Please write something new."
    )


class Closed(ForumError):
    status = 403
    default_message = _("This topic is closed.")
