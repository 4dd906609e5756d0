"""The forum's refusals, on the site's (core.refusals): views catch
`core.refusals.Refusal`, of which these are kinds."""

from django.utils.translation import gettext_lazy as _

from core.refusals import NotAllowed, Refusal, TooFast

__all__ = ["Closed", "Duplicate", "ForumError", "NotAllowed", "RateLimited"]


class ForumError(Refusal):
    """A rule of the forums (a bad tag, a like of one's own post, ...)."""


class RateLimited(TooFast):
    default_message = _("You are posting too fast.")


class Duplicate(TooFast):
    default_message = _(
        "You posted the same text a moment ago. Please write something new."
    )


class Closed(NotAllowed):
    default_message = _("This topic is closed.")
