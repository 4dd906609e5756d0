from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_needs_translation_url():
    return [
        path(
            "reports/needs-translation/",
            admin_views.needs_translation,
            name="translations_needs_translation",
        )
    ]


class NeedsTranslationMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_see_queue(request.user)


@hooks.register("register_reports_menu_item")
def register_needs_translation_menu_item():
    return NeedsTranslationMenuItem(
        _("Needs translation"),
        reverse("translations_needs_translation"),
        name="needs-translation",
        icon_name="globe",
        order=650,
    )
