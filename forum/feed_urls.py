"""Forum feeds, under /feeds/ (not language-prefixed)."""

from django.urls import path

from blog.feeds import atom
from blog.urls import feed_view

from .feeds import ForumTopicsFeed, LatestTopicsFeed, TagTopicsFeed, TopicPostsFeed

app_name = "forum_feeds"


def routes(prefix: str, feed_class, name: str) -> list:
    return [
        path(f"{prefix}.rss", feed_view(feed_class), name=f"{name}_rss"),
        path(f"{prefix}.atom", feed_view(atom(feed_class)), name=f"{name}_atom"),
    ]


urlpatterns = [
    *routes("forums", LatestTopicsFeed, "latest"),
    *routes("forums/<slug:slug>", ForumTopicsFeed, "forum"),
    *routes("forums/topics/<int:topic_id>", TopicPostsFeed, "topic"),
    *routes("forums/tags/<slug:slug>", TagTopicsFeed, "tag"),
]
