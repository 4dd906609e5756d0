from django.urls import reverse

from .models import Topic, forum_root_url

TAG_PAGE_TOPICS = 20


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
