from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("Forums")

    def ready(self) -> None:
        from tagging.sections import TagSection, register_tag_section
        from tagging.vocabulary import register_public_tag_use

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
