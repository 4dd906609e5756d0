from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")

    def ready(self):
        from core.content_writes import connect_content_signals

        connect_content_signals()

        from . import personal

        personal.register()
