from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("Forums")

    def ready(self) -> None:
        from core.search_kinds import register_search_kind
        from notifications.followable import register_followable
        from tagging.sections import TagSection, register_tag_section
        from tagging.vocabulary import register_public_tag_use

        from . import search_kind
        from .listing import topics_for_tag
        from .models import TaggedTopic, Topic

        register_public_tag_use(
            lambda: TaggedTopic.objects.filter(
                content_object__in=Topic.objects.public().values("pk")
            ).values("tag_id")
        )

        register_tag_section(
            TagSection(
                key="topics",
                title=_("Forum topics"),
                template="forum/tag_section.html",
                items=topics_for_tag,
                order=20,
            )
        )
        # Members follow only forums and topics they may read: the same rules
        # as the forum's own pages.
        register_followable(
            "forum", "forum.Forum", lambda user, forums: forums.visible_to(user)
        )
        register_followable(
            "topic", "forum.Topic", lambda user, topics: topics.visible_to(user)
        )
        register_search_kind(search_kind.TOPIC)
        register_search_kind(search_kind.POST)
