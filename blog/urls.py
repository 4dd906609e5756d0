from django.urls import path
from django.views.decorators.cache import cache_page

from .feeds import CountryNewsFeed, NewsFeed, RegionNewsFeed, TagNewsFeed, atom

FEED_CACHE_SECONDS = 300

app_name = "blog"


def feed_view(feed_class):
    # A feed object keeps the request it serves, so each request gets its own.
    def view(request, **kwargs):
        return feed_class()(request, **kwargs)

    return cache_page(FEED_CACHE_SECONDS)(view)


def feed_routes(prefix: str, feed_class, name: str) -> list:
    return [
        path(f"{prefix}.rss", feed_view(feed_class), name=f"{name}_rss"),
        path(f"{prefix}.atom", feed_view(atom(feed_class)), name=f"{name}_atom"),
    ]


urlpatterns = [
    *feed_routes("news", NewsFeed, "news"),
    *feed_routes("regions/<slug:slug>", RegionNewsFeed, "region"),
    *feed_routes("countries/<str:iso>", CountryNewsFeed, "country"),
    *feed_routes("tags/<slug:slug>", TagNewsFeed, "tag"),
]
