from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("National news")

    def ready(self) -> None:
        from . import signals  # noqa: F401
