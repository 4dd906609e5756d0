from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from allauth.account.signals import email_confirmed

        from core.member_pages import register_audience_part
        from core.search_kinds import register_search_kind

        from . import search_kind
        from .email_ownership import on_email_confirmed
        from .roles import audience_part

        email_confirmed.connect(on_email_confirmed, dispatch_uid="release_unverified")
        register_search_kind(search_kind.COUNTRY)
        register_search_kind(search_kind.EXPERT)
        register_audience_part("roles", audience_part)
