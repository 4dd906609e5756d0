from django.contrib.sitemaps import Sitemap

from .models import Topic
from .models.forum import forum_root_url


class TopicSitemap(Sitemap):
    """Topics anyone may read: public forums, neither hidden nor deleted.
    Listed at their English address; each page names its other languages
    (hreflang)."""

    limit = 5000

    def __init__(self, request=None):
        self.request = request

    def items(self):
        return (
            Topic.objects.public()
            .select_related("forum")
            .only("pk", "slug", "last_post_at", "forum__slug")
            .order_by("pk")
        )

    def location(self, topic: Topic) -> str:
        if not hasattr(self, "_root"):
            self._root = forum_root_url()
        return topic.get_absolute_url(self._root)

    def lastmod(self, topic: Topic):
        return topic.last_post_at
