"""The notification kinds events raise (registered from `ready()`)."""

from django.utils.translation import gettext_lazy as _

from notifications.kinds import register_kind

EVENT_REMINDER = "event_reminder"


def register_kinds() -> None:
    register_kind(
        EVENT_REMINDER, _("Reminder of an event you follow, a day before"), order=150
    )
