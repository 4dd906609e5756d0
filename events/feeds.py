"""Feeds of upcoming events: RSS and Atom (core.syndication) and iCalendar
subscriptions, for the network, each region, each country and each tag.

Only live, public events are listed; a scope's feed holds the same events as
its calendar (a country's own and the Secretariat's; a region's, its
countries' and the Secretariat's). Constant queries per feed.
"""

import datetime as dt

from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Locale

from community.models import CountryPage, RegionPage
from core.syndication import SiteFeed
from translations.names import place_name

from .ics import ics_bytes
from .models import EventPage, EventsIndexPage

FEED_ITEMS = 50
ICS_ITEMS = 300
# A subscribed calendar keeps recent events for a while after they end.
ICS_KEEPS_PAST = dt.timedelta(days=60)

# The largest primary key a 64-bit integer column holds.
MAX_ID = 2**63 - 1


def scoped_events(obj):
    events = EventPage.objects.published()
    if isinstance(obj, CountryPage):
        return events.for_country(obj)
    if isinstance(obj, RegionPage):
        return events.for_region(obj)
    if isinstance(obj, Tag):
        return events.with_tag(obj)
    return events


def scope_title(obj) -> str:
    if obj is None:
        return _("CHM Commons: events of the network")
    name = obj.name if isinstance(obj, Tag) else place_name(obj)
    return _("CHM Commons: events, %(scope)s") % {"scope": name}


class NetworkScope:
    def get_object(self, request, **kwargs):
        return None


class CountryScope:
    def get_object(self, request, iso: str):
        return get_object_or_404(
            CountryPage.objects.live(),
            iso_code=iso.upper()[:2],
            locale=Locale.get_default(),
        )


class RegionScope:
    def get_object(self, request, slug: str):
        return get_object_or_404(
            RegionPage.objects.live(), slug=slug, locale=Locale.get_default()
        )


class TagScope:
    def get_object(self, request, slug: str):
        return get_object_or_404(Tag, slug=slug)


class EventsFeed(NetworkScope, SiteFeed):
    def title(self, obj) -> str:
        return scope_title(obj)

    def description(self, obj) -> str:
        return _("Upcoming workshops, trainings, webinars and meetings of the network.")

    def link(self, obj) -> str:
        if isinstance(obj, CountryPage | RegionPage):
            return obj.get_url(request=self.request) or "/"
        if isinstance(obj, Tag):
            return reverse("tagging:tag", args=[obj.slug])
        calendar = EventsIndexPage.objects.live().filter(depth=3).first()
        return (calendar.get_url(request=self.request) if calendar else None) or "/"

    def items(self, obj):
        return scoped_events(obj).upcoming().for_listing()[:FEED_ITEMS]

    def item_title(self, item: EventPage) -> str:
        return item.title

    def item_link(self, item: EventPage) -> str:
        return item.get_url(request=self.request)

    def item_guid(self, item: EventPage) -> str:
        return f"{settings.SITE_BASE_URL}/event/{item.pk}"

    def item_pubdate(self, item: EventPage):
        return item.first_published_at or item.start

    def item_updateddate(self, item: EventPage):
        return item.last_published_at or item.start

    def item_categories(self, item: EventPage) -> list[str]:
        return [item.get_kind_display(), *(tag.name for tag in item.tags.all())]

    def item_description(self, item: EventPage) -> str:
        start = timezone.localtime(item.start, item.zone)
        when = (
            start.strftime("%Y-%m-%d")
            if item.all_day
            else f"{start:%Y-%m-%d %H:%M} ({item.time_zone})"
        )
        parts = [f"<p>{escape(when)}</p>"]
        if item.place:
            parts.append(f"<p>{escape(item.place)}</p>")
        if item.summary:
            parts.append(linebreaks(escape(item.summary)))
        return "".join(parts)


class CountryEventsFeed(CountryScope, EventsFeed):
    pass


class RegionEventsFeed(RegionScope, EventsFeed):
    pass


class TagEventsFeed(TagScope, EventsFeed):
    pass


def _ics_response(request, obj, filename: str) -> HttpResponse:
    since = timezone.now() - ICS_KEEPS_PAST
    events = (
        scoped_events(obj)
        .filter(end__gte=since)
        .for_listing()
        .order_by("start", "pk")[:ICS_ITEMS]
    )
    response = HttpResponse(
        ics_bytes(events, scope_title(obj), request),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


def network_ics(request):
    return _ics_response(request, None, "events")


def country_ics(request, iso: str):
    country = CountryScope().get_object(request, iso)
    return _ics_response(request, country, f"events-{country.iso_code.lower()}")


def region_ics(request, slug: str):
    return _ics_response(
        request, RegionScope().get_object(request, slug), f"events-{slug}"
    )


def tag_ics(request, slug: str):
    return _ics_response(request, TagScope().get_object(request, slug), "events-tag")


def event_ics(request, pk: int):
    """One event, to add to a personal calendar. Drafts and private events
    are not found."""
    if pk > MAX_ID:
        # One past the database's integers: no such event (SQLite would
        # refuse to compare it rather than find nothing).
        raise Http404
    event = EventPage.objects.published().filter(pk=pk).prefetch_related("tags").first()
    if event is None:
        raise Http404
    response = HttpResponse(
        ics_bytes([event], request=request),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response
