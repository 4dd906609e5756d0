"""Cooperation feeds, under /feeds/ (not language-prefixed)."""

from core.syndication import feed_routes

from . import feeds

app_name = "cooperation_feeds"

urlpatterns = [
    *feed_routes("cooperation/requests", feeds.RequestsFeed, "requests"),
    *feed_routes(
        "cooperation/requests/subjects/<slug:slug>",
        feeds.SubjectRequestsFeed,
        "requests_subject",
    ),
    *feed_routes(
        "cooperation/requests/regions/<slug:slug>",
        feeds.RegionRequestsFeed,
        "requests_region",
    ),
    *feed_routes("cooperation/offers", feeds.OffersFeed, "offers"),
    *feed_routes(
        "cooperation/offers/subjects/<slug:slug>",
        feeds.SubjectOffersFeed,
        "offers_subject",
    ),
    *feed_routes(
        "cooperation/offers/regions/<slug:slug>",
        feeds.RegionOffersFeed,
        "offers_region",
    ),
    *feed_routes("cooperation/case-studies", feeds.CaseStudiesFeed, "case_studies"),
]
