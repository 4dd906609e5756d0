"""What a calendar page and an event page put in their context.

The calendar reads its filters from the query string (a GET form that works
without JavaScript); a value that is not a choice is dropped with a message,
never an error page. Both views run a constant number of queries whatever the
number of events.
"""

import calendar as month_calendar
import datetime as dt
from collections import defaultdict
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Locale

from community.models import CountryPage, RegionPage
from core.translation_source import source_page
from translations.names import place_name, subject_name

from .forms import CalendarFilterForm
from .models import EventKind, EventPage, EventsIndexPage

EVENTS_PER_PAGE = 20
# A month with more events than this shows the first ones and says so.
MONTH_LIMIT = 300


def feed_urls(scope) -> dict:
    """The RSS, Atom and iCalendar addresses of a calendar's scope."""
    if isinstance(scope, CountryPage):
        name, args = "events_feeds:country", [scope.iso_code.lower()]
    elif isinstance(scope, RegionPage):
        name, args = "events_feeds:region", [scope.slug]
    else:
        name, args = "events_feeds:network", []
    return {
        "rss": reverse(f"{name}_rss", args=args),
        "atom": reverse(f"{name}_atom", args=args),
        "ics": reverse(f"{name}_ics", args=args),
    }


def _choices(calendar: EventsIndexPage, scope, events) -> dict:
    default = Locale.get_default()
    regions, countries = [], []
    if scope is None:
        regions = [
            (region.slug, place_name(region))
            for region in RegionPage.objects.live()
            .filter(locale=default)
            .order_by("title")
        ]
        countries = CountryPage.objects.live().filter(locale=default)
    elif isinstance(scope, RegionPage):
        countries = CountryPage.objects.child_of(scope).live()
    if countries:
        countries = sorted(
            ((country.iso_code.lower(), place_name(country)) for country in countries),
            key=lambda pair: pair[1],
        )
    tags = Tag.objects.filter(
        events_eventtag_items__content_object__in=events.values("pk")
    ).distinct()
    subjects = sorted(
        ((tag.slug, subject_name(tag.name)) for tag in tags), key=lambda p: p[1]
    )
    return {
        "regions": regions,
        "countries": list(countries),
        "kinds": list(EventKind.choices),
        "subjects": subjects,
    }


def apply_filters(events, filters: dict):
    if "region" in filters:
        events = events.filter(region__slug=filters["region"])
    if "country" in filters:
        events = events.filter(country__iso_code=filters["country"].upper())
    if "kind" in filters:
        events = events.filter(kind=filters["kind"])
    if "subject" in filters:
        events = events.filter(tagged_items__tag__slug=filters["subject"]).distinct()
    if "language" in filters:
        events = events.filter(languages__contains=f",{filters['language']},")
    return events


def _query(filters: dict, **changes) -> str:
    """The query string of these filters with `changes` (None removes)."""
    params = {
        key: value
        for key, value in filters.items()
        if key not in ("month", "view", "when")
    }
    if "month" in filters:
        params["month"] = "{:04d}-{:02d}".format(*filters["month"])
    for key in ("view", "when"):
        if key in filters:
            params[key] = filters[key]
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    return urlencode(params)


def _shift(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def month_grid(events, year: int, month: int) -> list[list[dict]]:
    """Weeks of days, each day with the events that touch it (in the event's
    own time zone)."""
    by_day: dict[dt.date, list] = defaultdict(list)
    weeks = month_calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    first, last = weeks[0][0], weeks[-1][-1]
    for event in events:
        day = max(event.local_start.date(), first)
        end = min(event.local_end.date(), last)
        while day <= end:
            by_day[day].append(event)
            day += dt.timedelta(days=1)
    today = timezone.localdate()
    return [
        [
            {
                "date": day,
                "in_month": day.month == month,
                "today": day == today,
                "events": by_day.get(day, []),
            }
            for day in week
        ]
        for week in weeks
    ]


def calendar_context(request, calendar: EventsIndexPage) -> dict:
    scope = calendar.scope
    scope = source_page(scope) if scope is not None else None
    events = calendar.events()
    form = CalendarFilterForm(request.GET or None, **_choices(calendar, scope, events))
    filters = form.filters() if request.GET else {}
    events = apply_filters(events, filters).for_listing()
    view = filters.get("view", "list")
    context = {
        "calendar_scope": scope,
        "filter_form": form,
        "filters": filters,
        "view": view,
        "feeds": feed_urls(scope),
        "month_url": "?" + _query(filters, view="month", when=None),
        "upcoming_url": "?" + _query(filters, view=None, month=None, when=None),
        "past_url": "?" + _query(filters, view=None, month=None, when="past"),
    }
    if view == "month":
        today = timezone.localdate()
        year, month = filters.get("month") or (today.year, today.month)
        in_month = list(events.in_month(year, month)[: MONTH_LIMIT + 1])
        previous, following = _shift(year, month, -1), _shift(year, month, 1)
        context.update(
            {
                "month": dt.date(year, month, 1),
                "weeks": month_grid(in_month[:MONTH_LIMIT], year, month),
                "month_events": in_month[:MONTH_LIMIT],
                "month_truncated": len(in_month) > MONTH_LIMIT,
                "previous_month_url": "?"
                + _query(filters, month="{:04d}-{:02d}".format(*previous)),
                "next_month_url": "?"
                + _query(filters, month="{:04d}-{:02d}".format(*following)),
                "previous_month": dt.date(*previous, 1),
                "next_month": dt.date(*following, 1),
            }
        )
    else:
        past = filters.get("when") == "past"
        listed = events.past() if past else events.upcoming()
        page = Paginator(listed, EVENTS_PER_PAGE).get_page(request.GET.get("page"))
        extra = _query(filters)
        context.update(
            {
                "past": past,
                "events": page,
                "extra_query": f"&{extra}" if extra else "",
            }
        )
    return context


def event_context(request, event: EventPage) -> dict:
    calendar = event.get_parent().specific
    return {
        "calendar": calendar,
        "tags": event.tags.all(),
        "ics_url": reverse("events_feeds:event_ics", args=[event.pk]),
        "reader_zone": timezone.get_current_timezone_name(),
        "show_reader_time": not event.all_day
        and timezone.localtime(event.start).replace(tzinfo=None)
        != event.local_start.replace(tzinfo=None),
    }
