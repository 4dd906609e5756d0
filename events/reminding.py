"""Reminders, a day before, to the members who follow an event.

`send_event_reminders()` is run periodically (the `send_event_reminders`
command or the task). Each member is reminded once per event and start time:
a reminder is claimed by inserting an `EventReminder` row under a unique
constraint before it is delivered, so two runs at the same moment cannot both
claim it, and a second run finds it claimed.
"""

import datetime as dt

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from notifications.audiences import Draft, active, in_their_languages
from notifications.delivery import deliver
from notifications.models import Subscription, WatchLevel

from .events import EVENT_REMINDER
from .models import EventPage, EventReminder

AHEAD = dt.timedelta(hours=24)
# The levels that follow an event (the follow control's toggle sets Watching).
FOLLOWING = (WatchLevel.WATCHING, WatchLevel.TRACKING)


def events_starting_soon(now: dt.datetime | None = None):
    now = now or timezone.now()
    return EventPage.objects.published().filter(start__gt=now, start__lte=now + AHEAD)


def followers(event: EventPage) -> set[int]:
    content_type = ContentType.objects.get_for_model(EventPage)
    return active(
        Subscription.objects.filter(
            content_type=content_type, object_id=event.pk, level__in=FOLLOWING
        ).values_list("user_id", flat=True)
    )


def claim(event: EventPage, user_id: int) -> bool:
    """True if this call claimed the reminder, False if another had it."""
    try:
        with transaction.atomic():
            EventReminder.objects.create(
                event=event, user_id=user_id, starts_at=event.start
            )
    except IntegrityError:
        return False
    return True


def remind(event: EventPage) -> int:
    claimed = sorted(user_id for user_id in followers(event) if claim(event, user_id))
    if not claimed:
        return 0

    def title() -> str:
        return _("Reminder: “%(title)s” starts within a day") % {"title": event.title}

    titles = in_their_languages(claimed, title)
    stamp = int(event.start.timestamp())
    drafts = [
        Draft(
            user_id,
            EVENT_REMINDER,
            titles[user_id],
            event.get_url() or "",
            f"event-reminder:{event.pk}:{stamp}",
        )
        for user_id in claimed
    ]
    deliver(drafts)
    return len(drafts)


def send_event_reminders(now: dt.datetime | None = None) -> int:
    """Remind the followers of every event starting in the next 24 hours;
    returns how many reminders went out in this run."""
    return sum(remind(event) for event in events_starting_soon(now))
