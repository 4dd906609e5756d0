"""Forum feeds, under /feeds/ (not language-prefixed)."""

from core.syndication import feed_routes

from .feeds import ForumTopicsFeed, LatestTopicsFeed, TagTopicsFeed, TopicPostsFeed

app_name = "forum_feeds"

urlpatterns = [
    *feed_routes("forums", LatestTopicsFeed, "latest"),
    *feed_routes("forums/<slug:slug>", ForumTopicsFeed, "forum"),
    *feed_routes("forums/topics/<int:topic_id>", TopicPostsFeed, "topic"),
    *feed_routes("forums/tags/<slug:slug>", TagTopicsFeed, "tag"),
]
