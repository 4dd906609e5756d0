from django.utils.translation import gettext_lazy as _


class CooperationError(Exception):
    """A refusal the member should read, with the HTTP status that fits it."""

    status = 400
    default_message = _("This action is not possible.")

    def __init__(self, message=None, field: str | None = None):
        self.message = message or self.default_message
        self.field = field
        super().__init__(self.message)


class NotAllowed(CooperationError):
    status = 403
    default_message = _("You are not allowed to do this.")
