from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteropConfig(AppConfig):
    """The read API, embeddable widgets and CBD-style records: how other sites
    and the central CHM read the network without scraping it.

    It serves what the apps registered in `core.api.registry` (their JSON
    endpoints, OpenAPI parts, examples and record kinds) and imports none of
    their API modules."""

    name = "interop"
    verbose_name = _("Interoperability")

    def ready(self):
        from .openapi import register_records_description

        register_records_description()
