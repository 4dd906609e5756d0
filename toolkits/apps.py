from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToolkitsConfig(AppConfig):
    name = "toolkits"
    verbose_name = _("Toolkits")

    def ready(self) -> None:
        from core.search_kinds import register_search_kind
        from notifications.followable import register_followable
        from tagging.sections import TagSection, register_tag_section
        from tagging.vocabulary import register_public_tag_use

        from . import search_kind, signals  # noqa: F401
        from .browsing import toolkits_for_tag
        from .models import ToolkitPage, ToolkitTag

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
        register_followable(
            "library",
            "toolkits.ToolkitLibraryPage",
            lambda user, libraries: libraries.live(),
        )
        register_search_kind(search_kind.TOOLKIT)
