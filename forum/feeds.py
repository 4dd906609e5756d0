"""RSS and Atom feeds of the public forums: latest topics, a forum, a topic, a tag.

Forums that are not public never appear here; hidden, held and deleted posts
neither.
"""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from taggit.models import Tag

from core.syndication import SiteFeed

from .models import Forum, Post, Topic, forum_root_url

FEED_ITEMS = 30


class LatestTopicsFeed(SiteFeed):
    def get_object(self, request, **kwargs):
        return None

    def title(self, obj) -> str:
        return _("CHM Commons: latest forum topics")

    def description(self, obj) -> str:
        return _("New topics in the public forums of the CHM network.")

    def link(self, obj) -> str:
        return forum_root_url()

    def topics(self, obj):
        return Topic.objects.public()

    def items(self, obj):
        self.root = forum_root_url()
        topics = list(
            self.topics(obj)
            .in_language(self.items_language)
            .select_related("forum", "author")
            .prefetch_related("tags")
            .order_by("-created_at", "-pk")[:FEED_ITEMS]
        )
        first_posts = {
            post.topic_id: post
            for post in Post.objects.public().filter(topic__in=topics, number=1)
        }
        for topic in topics:
            topic.first_post = first_posts.get(topic.pk)
        return topics

    def item_title(self, item: Topic) -> str:
        return item.title

    def item_link(self, item: Topic) -> str:
        return item.get_absolute_url(self.root)

    def item_guid(self, item: Topic) -> str:
        return f"{settings.SITE_BASE_URL}/forum-topic/{item.pk}"

    def item_pubdate(self, item: Topic):
        return item.created_at

    def item_updateddate(self, item: Topic):
        return item.last_post_at

    def item_author_name(self, item: Topic) -> str:
        return item.author.get_display_name()

    def item_categories(self, item: Topic) -> list[str]:
        return [item.forum.name, *(tag.name for tag in item.tags.all())]

    def item_description(self, item: Topic) -> str:
        # Cooked HTML was sanitised when the post was written.
        return item.first_post.html if item.first_post else ""


class ForumTopicsFeed(LatestTopicsFeed):
    def get_object(self, request, slug: str):
        return get_object_or_404(Forum.objects.public(), slug=slug)

    def topics(self, obj):
        return Topic.objects.public().filter(forum=obj)

    def title(self, obj) -> str:
        return _("CHM Commons forum: %(forum)s") % {"forum": obj.name}

    def description(self, obj) -> str:
        return obj.description or self.title(obj)

    def link(self, obj) -> str:
        return obj.get_absolute_url()


class TagTopicsFeed(LatestTopicsFeed):
    def get_object(self, request, slug: str):
        return get_object_or_404(Tag, slug=slug)

    def topics(self, obj):
        return Topic.objects.public().filter(tags=obj)

    def title(self, obj) -> str:
        return _("CHM Commons forums: %(tag)s") % {"tag": obj.name}

    def description(self, obj) -> str:
        return _("Forum topics tagged “%(tag)s”.") % {"tag": obj.name}

    def link(self, obj) -> str:
        from django.urls import reverse

        return reverse("tagging:tag", args=[obj.slug])


class TopicPostsFeed(SiteFeed):
    def get_object(self, request, topic_id: int):
        return get_object_or_404(
            Topic.objects.public().select_related("forum"), pk=topic_id
        )

    def title(self, obj) -> str:
        return obj.title

    def description(self, obj) -> str:
        return _("Posts in “%(topic)s”, %(forum)s.") % {
            "topic": obj.title,
            "forum": obj.forum.name,
        }

    def link(self, obj) -> str:
        return obj.get_absolute_url()

    def items(self, obj):
        self.root = forum_root_url()
        posts = list(
            Post.objects.public()
            .filter(topic=obj)
            .select_related("author")
            .order_by("-number")[:FEED_ITEMS]
        )
        for post in posts:
            post.topic = obj
        return posts

    def item_title(self, item: Post) -> str:
        return _("#%(number)s by %(author)s") % {
            "number": item.number,
            "author": item.author.get_display_name(),
        }

    def item_link(self, item: Post) -> str:
        return item.topic.url_for_post_number(item.number, self.root)

    def item_guid(self, item: Post) -> str:
        return f"{settings.SITE_BASE_URL}/forum-post/{item.pk}"

    def item_pubdate(self, item: Post):
        return item.created_at

    def item_updateddate(self, item: Post):
        return item.edited_at or item.created_at

    def item_author_name(self, item: Post) -> str:
        return item.author.get_display_name()

    def item_description(self, item: Post) -> str:
        return item.html
