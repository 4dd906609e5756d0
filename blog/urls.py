from core.syndication import feed_routes

from .feeds import CountryNewsFeed, NewsFeed, RegionNewsFeed, TagNewsFeed

app_name = "blog"

urlpatterns = [
    *feed_routes("news", NewsFeed, "news"),
    *feed_routes("regions/<slug:slug>", RegionNewsFeed, "region"),
    *feed_routes("countries/<str:iso>", CountryNewsFeed, "country"),
    *feed_routes("tags/<slug:slug>", TagNewsFeed, "tag"),
]
