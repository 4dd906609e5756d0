"""iCalendar (RFC 5545) files of events, written with the `icalendar` library so
that text is escaped (`;`, `,`, backslashes and line breaks) and long lines
folded by the book.

Times keep the event's time zone (DTSTART;TZID=Africa/Nairobi:...), with a
VTIMEZONE for each zone used; all-day events are dates (DTEND the day after
the last, as the standard wants). UIDs never change with edits or moves, so a
subscribed calendar updates an event instead of adding a second one.
"""

import datetime as dt
from collections.abc import Iterable

from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event

from .models import EventPage

PRODID = "-//CHM Commons//Events//EN"


def _text(value: str) -> str:
    # One kind of line break: a CR LF from a form is one break, not two.
    return (value or "").replace("\r\n", "\n").replace("\r", "\n")


def event_component(event: EventPage, request=None) -> Event:
    component = Event()
    component.add("uid", event.uid)
    component.add("dtstamp", event.last_published_at or timezone.now())
    component.add("summary", _text(event.title))
    if event.all_day:
        component.add("dtstart", event.local_start.date())
        component.add("dtend", event.local_end.date() + dt.timedelta(days=1))
    else:
        component.add("dtstart", event.local_start)
        component.add("dtend", event.local_end)
    description = _text(event.summary or strip_tags(event.description or ""))
    if event.online_url:
        description = f"{description}\n\n{event.online_url}".strip()
    if description:
        component.add("description", description)
    location = event.place or event.online_url
    if location:
        component.add("location", _text(location))
    url = event.get_full_url(request=request)
    if url:
        component.add("url", url)
    for tag in event.tags.all():
        component.add("categories", [_text(tag.name)])
    if event.last_published_at:
        component.add("last-modified", event.last_published_at)
    return component


def calendar_of(events: Iterable[EventPage], name: str = "", request=None) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", _text(name))
    for event in events:
        calendar.add_component(event_component(event, request))
    calendar.add_missing_timezones()
    return calendar


def ics_bytes(events: Iterable[EventPage], name: str = "", request=None) -> bytes:
    return calendar_of(events, name, request).to_ical()
