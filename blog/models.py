from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.api.fields import (
    CountryField,
    NamesField,
    RegionField,
    SubjectCodesField,
    TagNamesField,
)
from core.content_writes import ContentQuerySet
from core.languages import CONTENT_LANGUAGES
from tagging.forms import TaggedPageForm

from .blocks import BlogBodyBlock

NEWS_PER_PAGE = 12

# The languages a national news item may be written in.
POST_LANGUAGES = CONTENT_LANGUAGES


class BlogPostQuerySet(ContentQuerySet, PageQuerySet):
    def published(self):
        return self.live().public()

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_listing(self):
        """What lists of news and feeds show, in a constant number of queries."""
        return self.select_related("country", "region").prefetch_related(
            "tags", "post_authors__author"
        )


class BlogPostTag(TaggedItemBase):
    content_object = ParentalKey(
        "blog.BlogPostPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class BlogPostPage(Page):
    """A piece of national news, written by the country's team or harvested from
    its national CHM website."""

    published_at = models.DateTimeField(
        _("publication date"), default=timezone.now, db_index=True
    )
    intro = models.TextField(
        _("introduction"),
        max_length=500,
        help_text=_("One or two sentences shown in lists and feeds."),
    )
    body = StreamField(BlogBodyBlock(), blank=True, verbose_name=_("body"))
    tags = ClusterTaggableManager(
        through=BlogPostTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("CBD subjects and free tags, shared across the network."),
    )
    language = models.CharField(
        _("language of the post"),
        max_length=10,
        choices=POST_LANGUAGES,
        default="en",
    )
    # Where the post stands in the network, kept with it so lists and feeds need
    # no tree walk (set on save and when the page moves).
    country = models.ForeignKey(
        "community.CountryPage",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="news",
    )
    region = models.ForeignKey(
        "community.RegionPage",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="news",
    )
    # Harvested from a national CHM feed.
    source_url = models.URLField(_("original link"), max_length=1000, blank=True)
    source_guid = models.CharField(
        _("original id"), max_length=1000, blank=True, db_index=True
    )
    source_name = models.CharField(_("original site"), max_length=255, blank=True)

    objects = PageManager.from_queryset(BlogPostQuerySet)()
    # At most five tags, fifty characters each (as for every tagged item).
    base_form_class = TaggedPageForm

    content_panels = [
        *Page.content_panels,
        FieldPanel("published_at"),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("tags"), FieldPanel("language")], heading=_("Classification")
        ),
        InlinePanel("post_authors", label=_("Authors"), heading=_("Authors")),
        MultiFieldPanel(
            [
                FieldPanel("source_url", read_only=True),
                FieldPanel("source_name", read_only=True),
            ],
            heading=_("Harvested from"),
            classname="collapsed",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("language"),
        index.FilterField("published_at"),
        index.FilterField("country"),
        index.FilterField("region"),
    ]
    api_fields = [
        "published_at",
        "intro",
        "body",
        "language",
        "source_url",
        APIField("tags", serializer=TagNamesField()),
        APIField("subjects", serializer=SubjectCodesField(source="tags")),
        APIField("country", serializer=CountryField()),
        APIField("region", serializer=RegionField()),
        APIField("authors", serializer=NamesField(source="author_names")),
    ]
    parent_page_types = ["community.CountryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news post")
        verbose_name_plural = _("news posts")
        indexes = [models.Index(fields=["country", "-published_at"])]

    def save(self, *args, **kwargs):
        self.set_place_in_network()
        super().save(*args, **kwargs)

    def set_place_in_network(self) -> None:
        from community.models import CountryPage, RegionPage

        parent = self.get_parent() if self.path else None
        if parent is None:
            return
        country = CountryPage.objects.filter(pk=parent.pk).first()
        self.country = country
        self.region = RegionPage.objects.parent_of(country).first() if country else None

    @property
    def is_harvested(self) -> bool:
        return bool(self.source_url or self.source_guid)

    @cached_property
    def author_names(self) -> list[str]:
        return [link.author.get_display_name() for link in self.post_authors.all()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tags"] = self.tags.all()
        return context


class BlogPostAuthor(Orderable):
    page = ParentalKey(
        BlogPostPage, on_delete=models.CASCADE, related_name="post_authors"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("author")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")


def paginate_news(request, queryset, per_page: int = NEWS_PER_PAGE):
    """A page of news; `?page=abc` gives the first page, too far the last."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


class FeedHarvest(models.Model):
    """The last harvest of a country's national feed, for its focal points and
    the Secretariat."""

    class Status(models.TextChoices):
        NEVER = "never", _("Not harvested yet")
        OK = "ok", _("OK")
        ERROR = "error", _("Error")

    country = models.OneToOneField(
        "community.CountryPage",
        on_delete=models.CASCADE,
        related_name="feed_harvest",
        verbose_name=_("country"),
    )
    feed_url = models.URLField(_("feed"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEVER
    )
    message = models.CharField(_("message"), max_length=500, blank=True)
    last_attempt = models.DateTimeField(_("last attempt"), null=True, blank=True)
    last_success = models.DateTimeField(_("last success"), null=True, blank=True)
    items_imported = models.PositiveIntegerField(
        _("items imported last time"), default=0
    )
    items_total = models.PositiveIntegerField(_("items imported in all"), default=0)

    class Meta:
        verbose_name = _("feed harvest")
        verbose_name_plural = _("feed harvests")
        ordering = ["country__title"]

    def __str__(self) -> str:
        return f"{self.country} ({self.get_status_display()})"
