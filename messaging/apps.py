from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "messaging"
    verbose_name = _("Private messages")

    def ready(self) -> None:
        from notifications.blocking import register_block_lookup

        from .blocking import blockers_among
        from .inbound import register_inbound
        from .tasks import register_kinds

        register_block_lookup(blockers_among)
        register_kinds()
        register_inbound()
