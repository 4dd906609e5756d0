from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core import member_pages


class HomePage(Page):
    """The network's front page: what the CHM is and its regional nodes."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    body = RichTextField(_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "community.RegionPage",
        "forum.ForumIndexPage",
        "toolkits.ToolkitLibraryPage",
        "home.StandardPage",
        "events.EventsIndexPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def serve(self, request, *args, **kwargs):
        # Nothing personal here outside the personal parts: members of one
        # audience share the rendered page (core/member_pages.py).
        member_pages.share(request)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from blog.listing import latest_news
        from community.models import RegionPage
        from core.translation_source import source_page

        context = super().get_context(request, *args, **kwargs)
        # A translated home lists the regions of the source home.
        source = source_page(self)
        context["regions"] = RegionPage.objects.child_of(source).live().public()
        context["latest_news"] = latest_news()
        return context


class StandardPage(Page):
    """About, help and other plain pages, site-wide or in a national space."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    body = StreamField(
        [
            ("heading", blocks.CharBlock(form_classname="title", label=_("Heading"))),
            ("paragraph", blocks.RichTextBlock(label=_("Paragraph"))),
            ("quote", blocks.BlockQuoteBlock(label=_("Quote"))),
        ],
        blank=True,
        verbose_name=_("body"),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = [
        "home.HomePage",
        "home.StandardPage",
        "community.RegionPage",
        "community.CountryPage",
    ]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
