from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NationalConfig(AppConfig):
    name = "national"
    verbose_name = _("National CHM websites")

    def ready(self) -> None:
        """Claims change which host serves a country; the national pages,
        the Secretariat's notification kind and the starter pages register;
        the country page gets the national website's panels."""
        from django.db import transaction
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published

        from community.sections import PageSection, register_country_section
        from core.content_writes import bump_content_version

        from . import events, sections
        from .hosting import forget_approved_domains
        from .models import NATIONAL_PAGE_MODELS, DomainClaim
        from .publishing import on_page_published
        from .starter import register_starter_pages

        def claims_changed(**kwargs):
            # Which host serves a country, and the canonical address every
            # cached page of the country names, change with its claims.
            forget_approved_domains()
            transaction.on_commit(forget_approved_domains)
            transaction.on_commit(bump_content_version)

        post_save.connect(claims_changed, sender=DomainClaim, weak=False)
        post_delete.connect(claims_changed, sender=DomainClaim, weak=False)

        events.register_kinds()
        register_starter_pages()
        for model in NATIONAL_PAGE_MODELS:
            page_published.connect(
                on_page_published, sender=model, dispatch_uid=f"national-{model}"
            )
        register_country_section(
            PageSection(
                key="national-menu",
                template="national/sections/country_menu.html",
                context=sections.menu_context,
                order=5,
            )
        )
        register_country_section(
            PageSection(
                key="national-site",
                template="national/sections/country_site_link.html",
                context=sections.site_link_context,
                slot="capacity",
                order=10,
            )
        )
        register_country_section(
            PageSection(
                key="national-start",
                template="national/sections/country_start.html",
                context=sections.start_context,
                order=15,
                managers_only=True,
            )
        )
        register_country_section(
            PageSection(
                key="national-domain",
                template="national/sections/country_domain.html",
                context=sections.country_domain_context,
                order=22,
                managers_only=True,
            )
        )
