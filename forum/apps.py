from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumConfig(AppConfig):
    name = "forum"
    verbose_name = _("Forums")

    def ready(self) -> None:
        from tagging.sections import TagSection, register_tag_section

        from .listing import topics_for_tag

        register_tag_section(
            TagSection(
                key="topics",
                title=_("Forum topics"),
                template="forum/tag_section.html",
                items=topics_for_tag,
                order=20,
            )
        )
