from django.utils.translation import gettext_lazy as _
from wagtail.models import Page


class ToolkitLibraryPage(Page):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["toolkits.ToolkitPage"]

    class Meta:
        verbose_name = _("toolkit library")


class ToolkitPage(Page):
    parent_page_types = ["toolkits.ToolkitLibraryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("toolkit")
