from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network dashboard")

    def ready(self) -> None:
        from community.sections import PageSection, register_country_section

        from .network_health import country_health

        # A country's figures on its page, the same definitions as the dashboard's.
        register_country_section(
            PageSection(
                key="health",
                template="network/includes/country_health.html",
                context=lambda request, page: {"country_health": country_health(page)},
                order=10,
            )
        )
