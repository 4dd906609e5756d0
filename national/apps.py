from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NationalConfig(AppConfig):
    name = "national"
    verbose_name = _("National CHM websites")

    def ready(self):
        from django.db import transaction
        from django.db.models.signals import post_delete, post_save

        from community.sections import PageSection, register_country_section
        from core.content_writes import bump_content_version

        from .hosting import forget_approved_domains
        from .models import DomainClaim
        from .sections import country_domain_context

        def claims_changed(**kwargs):
            # Which host serves a country, and the canonical address every
            # cached page of the country names, change with its claims.
            forget_approved_domains()
            transaction.on_commit(forget_approved_domains)
            transaction.on_commit(bump_content_version)

        post_save.connect(claims_changed, sender=DomainClaim, weak=False)
        post_delete.connect(claims_changed, sender=DomainClaim, weak=False)
        register_country_section(
            PageSection(
                key="national-site",
                template="national/sections/country_domain.html",
                context=country_domain_context,
                order=22,
                managers_only=True,
            )
        )
