from django.apps import AppConfig
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("National news")

    def ready(self) -> None:
        from community.country_actions import CountryAction, register_country_action
        from community.sections import (
            PageSection,
            register_country_section,
            register_profile_section,
            register_region_section,
        )
        from core.search_kinds import register_search_kind
        from notifications.tasks import register_former_path
        from tagging.sections import TagSection, register_tag_section
        from tagging.vocabulary import register_public_tag_use

        from . import events, search_kind, signals, tasks  # noqa: F401
        from .listing import (
            country_harvest_context,
            country_news_context,
            member_news_context,
            news_for_tag,
            region_news_context,
        )
        from .models import BlogPostPage, BlogPostTag
        from .records import register_news_records

        # Published news are CBD "news" records of the read API.
        register_news_records()

        events.register_kinds()
        register_former_path("news_published", tasks.news_published)

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

        # A country's and a region's news (and its feeds in the page's head);
        # the state of the national feed's harvest for those who manage it.
        for register, kind, news in (
            (register_country_section, "country", country_news_context),
            (register_region_section, "region", region_news_context),
        ):
            register(
                PageSection(
                    key="news-feeds",
                    template=f"blog/sections/{kind}_feeds.html",
                    context=lambda request, page: {},
                    slot="head",
                )
            )
            register(
                PageSection(
                    key="news",
                    template=f"blog/sections/{kind}_news.html",
                    context=news,
                    order=30,
                )
            )
        register_country_section(
            PageSection(
                key="harvest",
                template="blog/sections/country_harvest.html",
                context=country_harvest_context,
                order=20,
                managers_only=True,
            )
        )
        register_profile_section(
            PageSection(
                key="news",
                template="blog/sections/profile_news.html",
                context=member_news_context,
                order=30,
            )
        )
        register_search_kind(search_kind.NEWS)
