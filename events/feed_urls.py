"""Event feeds, under /feeds/ (not language-prefixed): RSS, Atom and iCalendar
for the network, a region, a country and a tag, and one event's .ics."""

from django.urls import path

from core.syndication import feed_routes

from . import feeds

app_name = "events_feeds"

urlpatterns = [
    *feed_routes("events", feeds.EventsFeed, "network"),
    path("events.ics", feeds.network_ics, name="network_ics"),
    *feed_routes("events/countries/<str:iso>", feeds.CountryEventsFeed, "country"),
    path("events/countries/<str:iso>.ics", feeds.country_ics, name="country_ics"),
    *feed_routes("events/regions/<slug:slug>", feeds.RegionEventsFeed, "region"),
    path("events/regions/<slug:slug>.ics", feeds.region_ics, name="region_ics"),
    *feed_routes("events/tags/<slug:slug>", feeds.TagEventsFeed, "tag"),
    path("events/tags/<slug:slug>.ics", feeds.tag_ics, name="tag_ics"),
    path("events/<int:pk>.ics", feeds.event_ics, name="event_ics"),
]
