from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("National news")

    def ready(self) -> None:
        from community.country_actions import CountryAction, register_country_action
        from core.search_kinds import register_search_kind
        from tagging.sections import TagSection, register_tag_section
        from tagging.vocabulary import register_public_tag_use

        from . import search_kind, signals  # noqa: F401
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

        # "Post news" on a country's page: Wagtail's editor for a new post
        # under that country, for those who may add pages there.
        register_country_action(
            CountryAction(
                key="post-news",
                label=_("Post news"),
                url=lambda page: reverse(
                    "wagtailadmin_pages:add",
                    args=[
                        BlogPostPage._meta.app_label,
                        BlogPostPage._meta.model_name,
                        page.pk,
                    ],
                ),
                allowed=lambda permissions: (
                    permissions.can_add_subpage()
                    and BlogPostPage.can_create_at(permissions.page)
                ),
                order=10,
            )
        )
        register_search_kind(search_kind.NEWS)
