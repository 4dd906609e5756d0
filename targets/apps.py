from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TargetsConfig(AppConfig):
    name = "targets"
    verbose_name = _("National targets")

    def ready(self):
        """National targets and their progress join the read API, the kinds of
        notification they raise are registered, members may follow a global
        target, and a national site serves its country's targets pages."""
        from national.middleware import serve_route
        from notifications.followable import register_followable

        from . import api, events

        events.register_kinds()
        api.register_api()
        register_followable(
            "global-target", "targets.GlobalTarget", lambda user, qs: qs
        )
        serve_route("targets:")
