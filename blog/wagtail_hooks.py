from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import FeedHarvest


class FeedHarvestViewSet(SnippetViewSet):
    model = FeedHarvest
    icon = "download"
    menu_label = _("Feed harvests")
    add_to_admin_menu = True
    menu_order = 300
    list_display = [
        "country",
        "status",
        "message",
        "last_attempt",
        "last_success",
        "items_imported",
        "items_total",
    ]
    list_filter = ["status"]
    search_fields = ["country__title", "message"]


register_snippet(FeedHarvestViewSet)
