from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("National news")

    def ready(self) -> None:
        from tagging.sections import TagSection, register_tag_section

        from . import signals  # noqa: F401
        from .listing import news_for_tag

        register_tag_section(
            TagSection(
                key="news",
                title=_("News"),
                template="blog/tag_section.html",
                items=news_for_tag,
                order=10,
            )
        )
