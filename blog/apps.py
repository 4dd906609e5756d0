from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("National news")

    def ready(self) -> None:
        from tagging.sections import TagSection, register_tag_section
        from tagging.vocabulary import register_public_tag_use

        from . import signals  # noqa: F401
        from .listing import news_for_tag
        from .models import BlogPostPage, BlogPostTag

        register_public_tag_use(
            lambda: BlogPostTag.objects.filter(
                content_object__in=BlogPostPage.objects.published().values("pk")
            ).values("tag_id")
        )

        register_tag_section(
            TagSection(
                key="news",
                title=_("News"),
                template="blog/tag_section.html",
                items=news_for_tag,
                order=10,
            )
        )
