from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NationalConfig(AppConfig):
    name = "national"
    verbose_name = _("National CHM websites")

    def ready(self) -> None:
        from wagtail.signals import page_published

        from community.sections import PageSection, register_country_section

        from . import events, sections
        from .models import NATIONAL_PAGE_MODELS
        from .publishing import on_page_published
        from .starter import register_starter_pages

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
