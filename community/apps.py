from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from allauth.account.signals import email_confirmed

        from .email_ownership import on_email_confirmed

        email_confirmed.connect(on_email_confirmed, dispatch_uid="release_unverified")
