from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InteropConfig(AppConfig):
    """The read API, embeddable widgets and CBD-style records: how other sites
    and the central CHM read the network without scraping it."""

    name = "interop"
    verbose_name = _("Interoperability")

    def ready(self):
        from . import records

        records.register_builtin_exporters()
