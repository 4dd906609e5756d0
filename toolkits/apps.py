from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitsConfig(AppConfig):
    name = "toolkits"
    verbose_name = _("Toolkits")

    def ready(self) -> None:
        from community.sections import (
            PageSection,
            register_country_section,
            register_profile_section,
        )
        from core.search_kinds import register_search_kind
        from notifications.followable import register_followable
        from notifications.tasks import register_former_path
        from tagging.sections import TagSection, register_tag_section
        from tagging.vocabulary import register_public_tag_use

        from . import events, search_kind, signals, tasks  # noqa: F401
        from .listing import (
            country_level_toolkits_context,
            member_toolkits_context,
            toolkits_for_tag,
        )
        from .models import ToolkitPage, ToolkitTag
        from .records import register_toolkit_records

        # Published toolkits are CBD "toolkit" records of the read API.
        register_toolkit_records()

        events.register_kinds()
        register_former_path("page_published", tasks.page_published)

        register_public_tag_use(
            lambda: ToolkitTag.objects.filter(
                content_object__in=ToolkitPage.objects.published().values("pk")
            ).values("tag_id")
        )

        register_tag_section(
            TagSection(
                key="toolkits",
                title=_("Toolkits"),
                template="toolkits/tag_section.html",
                items=toolkits_for_tag,
                order=20,
            )
        )
        register_country_section(
            PageSection(
                key="level-toolkits",
                template="toolkits/sections/country_level_toolkits.html",
                context=country_level_toolkits_context,
                slot="capacity",
            )
        )
        register_profile_section(
            PageSection(
                key="toolkits",
                template="toolkits/sections/profile_toolkits.html",
                context=member_toolkits_context,
                order=20,
            )
        )
        register_followable(
            "library",
            "toolkits.ToolkitLibraryPage",
            lambda user, libraries: libraries.live(),
        )
        register_search_kind(search_kind.TOOLKIT)
