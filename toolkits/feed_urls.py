"""Toolkit feeds, under /feeds/ (not language-prefixed)."""

from django.urls import path
from django.views.decorators.cache import cache_page

from .feeds import LibraryToolkitFeed, TagToolkitFeed, ToolkitFeed, atom

FEED_CACHE_SECONDS = 300

app_name = "toolkit_feeds"


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
    *feed_routes("toolkits", ToolkitFeed, "toolkits"),
    *feed_routes("toolkits/tags/<slug:slug>", TagToolkitFeed, "tag"),
    *feed_routes("toolkits/<slug:slug>", LibraryToolkitFeed, "library"),
]
