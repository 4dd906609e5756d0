from django.urls import reverse

from .models import Topic, forum_root_url

TAG_PAGE_TOPICS = 20
PROFILE_TOPICS = 5


def topics_for_tag(request, tag) -> dict:
    topics = (
        Topic.objects.visible_to(request.user)
        .filter(tags=tag)
        .select_related("forum", "author")
        .order_by("-last_post_at")[:TAG_PAGE_TOPICS]
    )
    return {
        "topics": topics,
        "forum_root": forum_root_url(),
        "rss": reverse("forum_feeds:tag_rss", args=[tag.slug]),
        "atom": reverse("forum_feeds:tag_atom", args=[tag.slug]),
    }


def member_topics_context(request, member, limit: int = PROFILE_TOPICS) -> dict:
    """A member's profile: the topics they opened lately and those their
    answer solved, among the topics the reader may see."""
    visible = Topic.objects.visible_to(request.user).select_related("forum")
    return {
        "recent_topics": visible.filter(author=member).order_by("-created_at")[:limit],
        "solutions": visible.filter(
            solution__author=member,
            solution__is_hidden=False,
            solution__is_deleted=False,
        ).order_by("-last_post_at")[:limit],
    }
