from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network dashboard")

    def ready(self) -> None:
        from community.sections import PageSection, register_country_section
        from targets.maps import register_world_map

        from .network_health import country_health
        from .world_map import world_map

        # The global target pages colour the dashboard's own map by status.
        register_world_map(world_map)

        # A country's figures on its page, the same definitions as the dashboard's.
        register_country_section(
            PageSection(
                key="health",
                template="network/includes/country_health.html",
                context=lambda request, page: {"country_health": country_health(page)},
                order=10,
            )
        )
