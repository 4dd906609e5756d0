"""Toolkit feeds, under /feeds/ (not language-prefixed)."""

from core.syndication import feed_routes

from .feeds import LibraryToolkitFeed, TagToolkitFeed, ToolkitFeed

app_name = "toolkit_feeds"

urlpatterns = [
    *feed_routes("toolkits", ToolkitFeed, "toolkits"),
    *feed_routes("toolkits/tags/<slug:slug>", TagToolkitFeed, "tag"),
    *feed_routes("toolkits/<slug:slug>", LibraryToolkitFeed, "library"),
]
