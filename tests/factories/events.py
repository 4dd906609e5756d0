"""Calendars and events: the network's calendar under home, a country's or a
region's under its page, and events on them."""

import datetime as dt

import factory
from django.utils import timezone

from events.models import EventPage, EventsIndexPage, join_languages

from .pages import PageFactory


class EventsIndexPageFactory(PageFactory):
    class Meta:
        model = EventsIndexPage

    title = "Events"
    slug = "events"


class EventPageFactory(PageFactory):
    """An event starting `days` from now (default 7), lasting `hours` (2),
    in `time_zone` (UTC); `languages=["en", "fr"]` as codes."""

    class Meta:
        model = EventPage

    class Params:
        days = 7
        hours = 2

    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    summary = factory.LazyAttribute(lambda event: f"About {event.title}")
    start = factory.LazyAttribute(
        lambda event: (timezone.now() + dt.timedelta(days=event.days)).replace(
            microsecond=0
        )
    )
    end = factory.LazyAttribute(
        lambda event: event.start + dt.timedelta(hours=event.hours)
    )
    time_zone = "UTC"

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        languages = kwargs.get("languages")
        if isinstance(languages, list | tuple):
            kwargs["languages"] = join_languages(languages)
        return super()._create_instance(model_class, parent, kwargs)


def calendar_of(parent, **fields) -> EventsIndexPage:
    """`parent`'s calendar (home, a region or a country), made once."""
    existing = EventsIndexPage.objects.child_of(parent).first()
    return existing or EventsIndexPageFactory(parent=parent, **fields)


def make_event(calendar, title: str, *, days: float = 7, live=True, **fields):
    """An event titled `title` on `calendar`, `days` from now; published
    through a revision, or a draft with `live=False`."""
    from django.utils.text import slugify

    page = EventPageFactory(
        parent=calendar,
        title=title,
        slug=fields.pop("slug", slugify(title)[:50] or "event"),
        days=days,
        live=live,
        **fields,
    )
    if live:
        page.save_revision().publish()
        page.refresh_from_db()
    return page
