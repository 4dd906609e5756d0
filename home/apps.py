from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home")

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from chm.content_writes import content_updated

        from .page_cache import content_changed

        for signal in (post_save, post_delete, m2m_changed, content_updated):
            signal.connect(content_changed, dispatch_uid=f"page-cache-{id(signal)}")
