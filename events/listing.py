"""What the pages that list events (a country's, a region's) put in their
context, in a constant number of queries."""

from django.urls import reverse

from core.translation_source import source_page

from .calendar import feed_urls
from .models import EventPage, EventsIndexPage

SECTION_EVENTS = 4


def _calendar_under(page):
    return EventsIndexPage.objects.child_of(page).live().first()


def country_events_context(request, country) -> dict:
    """A country's page: its next events and the Secretariat's."""
    source = source_page(country)
    return {
        "upcoming_events": EventPage.objects.published()
        .for_country(source)
        .upcoming()
        .for_listing()[:SECTION_EVENTS],
        "events_calendar": _calendar_under(country),
        "events_feeds": feed_urls(source),
    }


def region_events_context(request, region) -> dict:
    source = source_page(region)
    return {
        "upcoming_events": EventPage.objects.published()
        .for_region(source)
        .upcoming()
        .for_listing()[:SECTION_EVENTS],
        "events_calendar": _calendar_under(region),
        "events_feeds": feed_urls(source),
    }


def events_for_tag(request, tag) -> dict:
    """A tag's page: the next events with the tag, and its feeds."""
    return {
        "events": EventPage.objects.published()
        .with_tag(tag)
        .upcoming()
        .for_listing()[: SECTION_EVENTS * 2],
        "rss": reverse("events_feeds:tag_rss", args=[tag.slug]),
        "atom": reverse("events_feeds:tag_atom", args=[tag.slug]),
    }
