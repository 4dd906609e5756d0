from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TargetsConfig(AppConfig):
    name = "targets"
    verbose_name = _("National targets")

    def ready(self):
        """National targets and their progress join the read API, the kinds of
        notification they raise are registered, members may follow a global
        target, a national site serves its country's targets pages, the site
        search finds published targets, and a country's page says how its
        targets stand."""
        from community.sections import PageSection, register_country_section
        from core.search_kinds import register_search_kind
        from national.middleware import serve_route
        from notifications.followable import register_followable

        from . import api, events
        from .search_kind import TARGETS
        from .sections import country_targets_context

        events.register_kinds()
        api.register_api()
        register_followable(
            "global-target", "targets.GlobalTarget", lambda user, qs: qs
        )
        serve_route("targets:")
        register_search_kind(TARGETS)
        register_country_section(
            PageSection(
                key="national-targets",
                template="targets/sections/country_targets.html",
                context=country_targets_context,
                order=38,
            )
        )
