"""The kinds of notification, by the short name stored in each row.

This app knows no content app: each app that raises notifications registers
its kinds here from its `AppConfig.ready()` (the forum its topics, replies,
mentions..., the blog its news). A kind gives the label members see on their
settings page, its place in that list, and whether a block between members
silences it. The name is what `Notification.kind` and the members' channel
choices store: once used, it never changes.

Delivering a draft of a kind nobody registered is a mistake in the calling
code: `deliver()` refuses it (`UnknownKind`) before anything is stored. A row
of a kind no longer registered (its app removed) is still listed and mailed
under its stored title; only its settings line is gone.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


class UnknownKind(ValueError):
    """A notification of a kind no app registered."""


@dataclass(frozen=True)
class NotificationKind:
    name: str  # stored in Notification.kind (at most 20 characters)
    label: str  # shown on the settings page (lazy translation)
    order: int = 100  # place on the settings page, smallest first
    # A block between members does not silence it (a duty, not conversation).
    unblockable: bool = False


_KINDS: dict[str, NotificationKind] = {}


def register_kind(
    name: str, label, *, order: int = 100, unblockable: bool = False
) -> str:
    """Let notifications of kind `name` be delivered; returns the name, for
    the registering app to keep as its constant."""
    if len(name) > 20:
        raise ValueError(f"Notification kind {name!r} is longer than 20 characters")
    _KINDS[name] = NotificationKind(name, label, order, unblockable)
    return name


def get_kind(name: str) -> NotificationKind | None:
    return _KINDS.get(name)


def require_kind(name: str) -> NotificationKind:
    kind = _KINDS.get(name)
    if kind is None:
        raise UnknownKind(f"No app registered the notification kind {name!r}")
    return kind


def registered_kinds() -> list[NotificationKind]:
    """Every kind, in settings-page order."""
    return sorted(_KINDS.values(), key=lambda kind: (kind.order, kind.name))


def kind_choices() -> list[tuple[str, str]]:
    return [(kind.name, kind.label) for kind in registered_kinds()]


def is_unblockable(name: str) -> bool:
    kind = _KINDS.get(name)
    return bool(kind and kind.unblockable)


# The kinds of this floor: Wagtail's review workflow, and a moderator's (or
# reviewer's) decision on what a member wrote, whichever app holds it.
APPROVAL = register_kind(
    "approval", _("Page waiting for your approval"), order=90, unblockable=True
)
MODERATION = register_kind(
    "moderation", _("Moderation of your posts"), order=100, unblockable=True
)
