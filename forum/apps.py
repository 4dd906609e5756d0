from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("Forums")

    def ready(self) -> None:
        from community.sections import PageSection, register_profile_section
        from core.search_kinds import register_search_kind
        from notifications.followable import register_followable
        from notifications.live import register_live_group
        from notifications.tasks import register_former_path
        from tagging.sections import TagSection, register_tag_section
        from tagging.vocabulary import register_public_tag_use

        from . import community_events, events, search_kind, tasks  # noqa: F401
        from .api import register_api
        from .inbound import register_inbound
        from .listing import member_topics_context, topics_for_tag
        from .models import TaggedTopic, Topic

        # The public forums, topics and posts join the read API.
        register_api()
        # Replies and new topics by email (notifications/inbound).
        register_inbound()

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
        register_profile_section(
            PageSection(
                key="topics",
                template="forum/sections/profile_topics.html",
                context=member_topics_context,
                order=10,
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

        # The notifications the forum raises, and open topic pages hearing of
        # new posts (only members who may read the topic).
        events.register_kinds()
        register_live_group(
            "topic",
            lambda user, topic_id: (
                Topic.objects.visible_to(user).filter(pk=topic_id).exists()
            ),
            limit=20,
        )
        for name in (
            "topic_started",
            "reply_posted",
            "post_liked",
            "solution_accepted",
            "post_moderated",
        ):
            register_former_path(name, getattr(tasks, name))
        register_search_kind(search_kind.TOPIC)
        register_search_kind(search_kind.POST)

        from . import personal

        personal.register()
