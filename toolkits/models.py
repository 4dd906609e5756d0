from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_htmx.http import push_url
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from community.capacity import CapacityLevel
from core import member_pages
from core.api.fields import (
    CountryField,
    RegionField,
    SubjectCodesField,
    TagNamesField,
)
from core.content_writes import ContentQuerySet
from core.languages import CONTENT_LANGUAGES
from core.private_storage import private_storage

from .page_forms import ToolkitPageForm
from .uploads import (
    FORMAT_CHOICES,
    FORMATS,
    UPLOAD_VALIDATORS,
    PrivateFileInput,
    format_of,
    safe_filename,
)

# The six UN languages and Portuguese, as for national news.
TOOLKIT_LANGUAGES = CONTENT_LANGUAGES
LANGUAGE_NAMES = dict(TOOLKIT_LANGUAGES)
TOOLKITS_PER_PAGE = 12
# Paths served by toolkits/urls.py under the main library.
RESERVED_SLUGS = {"propose"}


class Audience(models.TextChoices):
    FOCAL_POINTS = "focal-points", _("National focal points")
    EDITORS = "editors", _("CHM editors and webmasters")
    TRAINERS = "trainers", _("Trainers")
    DECISION_MAKERS = "decision-makers", _("Decision makers")
    EVERYONE = "everyone", _("Everyone, newcomers included")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", "CC BY 4.0"
    CC_BY_SA = "cc-by-sa-4.0", "CC BY-SA 4.0"
    CC_BY_NC = "cc-by-nc-4.0", "CC BY-NC 4.0"
    CC0 = "cc0", "CC0"
    RESERVED = "all-rights-reserved", _("All rights reserved")
    OTHER = "other", _("Other (see description)")


class CounterField(models.PositiveIntegerField):
    """A counter only ever changed by `F()` updates.

    Saving the object (publishing a revision, editing a resource in the admin)
    writes `col = col` instead of the value it holds, so it never overwrites
    downloads counted meanwhile, nor restores the count of an old revision.
    """

    def pre_save(self, model_instance, add):
        if add:
            return super().pre_save(model_instance, add)
        return F(self.attname)


def toolkit_file_storage():
    """Where toolkit files live: private storage, served only by the download
    view, which checks that the toolkit is published. The storage the
    settings name now (a local folder or a bucket), however often they change."""
    return private_storage


def resource_upload_to(instance, filename: str) -> str:
    return timezone.now().strftime("toolkits/%Y/%m/") + safe_filename(filename)


LIBRARY_FRAGMENT_TEMPLATE = "toolkits/includes/library_browser.html"


class ToolkitLibraryPage(Page):
    """A library of toolkits (the main one at /toolkits/, others per region or
    partner). Browsing is filtered by GET parameters, shareable as URLs."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = ["intro"]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["toolkits.ToolkitPage"]

    class Meta:
        verbose_name = _("toolkit library")
        verbose_name_plural = _("toolkit libraries")

    def save(self, *args, **kwargs):
        creating = self._state.adding
        super().save(*args, **kwargs)
        if creating and self.alias_of_id is None:
            from .workflows import assign_toolkit_review

            assign_toolkit_review(self)

    def get_context(self, request, *args, **kwargs):
        from .listing import library_context

        context = super().get_context(request, *args, **kwargs)
        context.update(library_context(request, self))
        return context

    def get_template(self, request, *args, **kwargs):
        # A filter changed in place (htmx): only the filters and results.
        if getattr(request, "htmx", False):
            return LIBRARY_FRAGMENT_TEMPLATE
        return super().get_template(request, *args, **kwargs)

    def serve(self, request, *args, **kwargs):
        from .listing import canonical_library_url

        # Nothing personal here outside the personal parts: members of one
        # audience share the rendered page (core/member_pages.py).
        member_pages.share(request)
        response = super().serve(request, *args, **kwargs)
        # The same address answers a page or a fragment: no cache (the
        # browser's, a proxy's, core/page_cache.py) may give one for the other.
        patch_vary_headers(response, ["HX-Request"])
        if getattr(request, "htmx", False):
            add_never_cache_headers(response)
            push_url(response, canonical_library_url(request))
        return response


class ToolkitQuerySet(ContentQuerySet, PageQuerySet):
    """Bulk updates (download counts) tell the page cache, as saves do."""

    def published(self):
        """Live and without view restriction, checked in the same query
        (Wagtail's `public()` costs one more query each time)."""
        restricted = PageViewRestriction.objects.filter(
            StartsWith(OuterRef("path"), F("page__path"))
        )
        return self.live().exclude(Exists(restricted))

    def for_listing(self):
        """What lists and feeds show, in a constant number of queries."""
        return self.select_related("country", "region").prefetch_related(
            "tags", "toolkit_languages"
        )

    def for_level(self, level: int):
        return self.filter(min_level__lte=level, max_level__gte=level)

    def with_subject(self, slug: str):
        return self.filter(
            Exists(
                ToolkitTag.objects.filter(content_object=OuterRef("pk"), tag__slug=slug)
            )
        )

    def in_language(self, code: str):
        return self.filter(
            Exists(ToolkitLanguage.objects.filter(page=OuterRef("pk"), language=code))
        )

    def with_format(self, key: str):
        return self.filter(
            Exists(ToolkitResource.objects.filter(page=OuterRef("pk"), file_format=key))
        )

    def from_region(self, slug: str):
        return self.filter(region__slug=slug)

    def filter_by(self, **filters):
        """Apply browsing filters (subject, language, level, format, region);
        empty ones are ignored, so they combine freely."""
        qs = self
        if filters.get("subject"):
            qs = qs.with_subject(filters["subject"])
        if filters.get("language"):
            qs = qs.in_language(filters["language"])
        if filters.get("level") is not None:
            qs = qs.for_level(filters["level"])
        if filters.get("format"):
            qs = qs.with_format(filters["format"])
        if filters.get("region"):
            qs = qs.from_region(filters["region"])
        return qs

    def newest_first(self):
        return self.order_by(
            F("publication_date").desc(nulls_last=True), "-first_published_at", "-pk"
        )

    def most_downloaded(self):
        return self.order_by("-download_count", "-first_published_at", "-pk")

    def recently_added(self):
        return self.order_by(F("first_published_at").desc(nulls_last=True), "-pk")

    def sorted_by(self, sort: str):
        if sort == "downloads":
            return self.most_downloaded()
        if sort == "title":
            return self.order_by("title", "pk")
        return self.newest_first()


class ToolkitTag(TaggedItemBase):
    content_object = ParentalKey(
        "toolkits.ToolkitPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ToolkitPage(Page):
    """A capacity-building toolkit: documents, links and videos with what a
    newcomer needs to judge them (levels, languages, licence, origin)."""

    summary = models.TextField(
        _("summary"),
        max_length=500,
        help_text=_("One or two sentences shown in lists and feeds."),
    )
    description = RichTextField(
        _("description"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
    )
    tags = ClusterTaggableManager(
        through=ToolkitTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("CBD subjects and free tags, shared across the network."),
    )
    proposed_tags = models.CharField(
        _("proposed tags"),
        max_length=300,
        blank=True,
        help_text=_(
            "Tags the proposer typed that are new to the network, separated by "
            "commas. They become tags when the toolkit is published."
        ),
    )
    min_level = models.PositiveSmallIntegerField(
        _("from capacity level"),
        choices=CapacityLevel.choices,
        default=CapacityLevel.NO_FOCAL_POINT,
    )
    max_level = models.PositiveSmallIntegerField(
        _("to capacity level"),
        choices=CapacityLevel.choices,
        default=CapacityLevel.ADVANCED,
        help_text=_("The national CHM capacity levels this toolkit is aimed at."),
    )
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, blank=True
    )
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    authors = models.CharField(_("authors"), max_length=500, blank=True)
    licence = models.CharField(
        _("licence"), max_length=30, choices=Licence.choices, blank=True
    )
    publication_date = models.DateField(
        _("publication date"), default=timezone.localdate, db_index=True
    )
    version = models.CharField(_("version"), max_length=40, blank=True)
    country = models.ForeignKey(
        "community.CountryPage",
        verbose_name=_("country of origin"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="toolkits",
    )
    region = models.ForeignKey(
        "community.RegionPage",
        verbose_name=_("region of origin"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="toolkits",
        help_text=_("Filled in from the country when left empty."),
    )
    download_count = CounterField(_("downloads"), default=0, editable=False)

    objects = PageManager.from_queryset(ToolkitQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        InlinePanel("resources", label=_("Resources"), heading=_("Resources")),
        MultiFieldPanel(
            [
                FieldPanel("tags"),
                FieldPanel("proposed_tags"),
                FieldRowPanel([FieldPanel("min_level"), FieldPanel("max_level")]),
                FieldPanel("audience"),
            ],
            heading=_("Classification"),
        ),
        InlinePanel("toolkit_languages", label=_("Language"), heading=_("Languages")),
        MultiFieldPanel(
            [
                FieldPanel("publisher"),
                FieldPanel("authors"),
                FieldPanel("licence"),
                FieldRowPanel([FieldPanel("publication_date"), FieldPanel("version")]),
                FieldRowPanel([FieldPanel("country"), FieldPanel("region")]),
            ],
            heading=_("Publication"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("publisher"),
        index.SearchField("authors"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("min_level"),
        index.FilterField("max_level"),
        index.FilterField("publication_date"),
        index.FilterField("download_count"),
        index.FilterField("country"),
        index.FilterField("region"),
    ]
    api_fields = [
        "summary",
        "description",
        "min_level",
        "max_level",
        "audience",
        "publisher",
        "authors",
        "licence",
        "publication_date",
        "version",
        "download_count",
        "resources",
        "toolkit_languages",
        APIField("tags", serializer=TagNamesField()),
        APIField("subjects", serializer=SubjectCodesField(source="tags")),
        APIField("country", serializer=CountryField()),
        APIField("region", serializer=RegionField()),
    ]
    parent_page_types = ["toolkits.ToolkitLibraryPage"]
    subpage_types = []
    exclude_fields_in_copy = ["download_count"]
    base_form_class = ToolkitPageForm

    class Meta:
        verbose_name = _("toolkit")
        verbose_name_plural = _("toolkits")
        indexes = [
            models.Index(fields=["min_level", "max_level"]),
            models.Index(fields=["-download_count"]),
        ]

    def clean(self):
        super().clean()
        if self.min_level is not None and self.max_level is not None:
            if self.min_level > self.max_level:
                raise ValidationError(
                    {"max_level": _("Choose a level at or above the first one.")}
                )
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is reserved.")})

    def save(self, *args, **kwargs):
        if self.country_id and not self.region_id:
            self.region_id = self.country.get_parent().pk
        super().save(*args, **kwargs)

    @property
    def levels(self) -> range:
        return range(self.min_level, self.max_level + 1)

    @cached_property
    def language_names(self) -> list[str]:
        return [
            str(LANGUAGE_NAMES.get(link.language, link.language))
            for link in self.toolkit_languages.all()
        ]

    def get_context(self, request, *args, **kwargs):
        from .listing import toolkit_context

        context = super().get_context(request, *args, **kwargs)
        context.update(toolkit_context(request, self))
        return context


class ToolkitLanguage(Orderable):
    page = ParentalKey(
        ToolkitPage, on_delete=models.CASCADE, related_name="toolkit_languages"
    )
    language = models.CharField(
        _("language"), max_length=10, choices=TOOLKIT_LANGUAGES, db_index=True
    )

    panels = [FieldPanel("language")]
    api_fields = ["language"]

    class Meta(Orderable.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "language"], name="toolkit_language_once"
            )
        ]


class ToolkitResource(Orderable):
    """A document, link or video of a toolkit."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Document")
        LINK = "link", _("Link")
        VIDEO = "video", _("Video")

    page = ParentalKey(ToolkitPage, on_delete=models.CASCADE, related_name="resources")
    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(
        _("kind"), max_length=10, choices=Kind.choices, default=Kind.DOCUMENT
    )
    file = models.FileField(
        _("file"),
        upload_to=resource_upload_to,
        storage=toolkit_file_storage,
        max_length=255,
        blank=True,
        validators=UPLOAD_VALIDATORS,
        help_text=_("PDF, office documents, images, ZIP, plain text or CSV."),
    )
    url = models.URLField(
        _("address"),
        max_length=1000,
        blank=True,
        help_text=_("For a link or a video."),
    )
    language = models.CharField(
        _("language"), max_length=10, choices=TOOLKIT_LANGUAGES, default="en"
    )
    file_format = models.CharField(
        _("format"), max_length=10, choices=FORMAT_CHOICES, blank=True, editable=False
    )
    file_size = models.PositiveBigIntegerField(_("size"), default=0, editable=False)
    download_count = CounterField(_("downloads"), default=0, editable=False)

    # Bulk updates (download counts) tell the page cache, as saves do.
    objects = models.Manager.from_queryset(ContentQuerySet)()

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("file", widget=PrivateFileInput),
        FieldPanel("url"),
        FieldPanel("language"),
    ]
    api_fields = [
        "title",
        "kind",
        "url",
        "language",
        "file_format",
        "file_size",
        "download_count",
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("resource")
        verbose_name_plural = _("resources")
        indexes = [models.Index(fields=["file_format"])]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        super().clean()
        if self.kind == self.Kind.DOCUMENT and not self.file:
            raise ValidationError({"file": _("Upload the document.")})
        if self.kind != self.Kind.DOCUMENT and not self.url:
            raise ValidationError({"url": _("Give the address of the link or video.")})

    def save(self, *args, **kwargs):
        if self.file:
            fmt = format_of(self.file.name)
            self.file_format = fmt.key if fmt else ""
            try:
                self.file_size = self.file.size
            except (OSError, ValueError):
                pass
        else:
            self.file_format = ""
            self.file_size = 0
        super().save(*args, **kwargs)

    @property
    def is_download(self) -> bool:
        return self.kind == self.Kind.DOCUMENT and bool(self.file)

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""

    @property
    def format_label(self) -> str:
        fmt = FORMATS.get(self.file_format)
        return fmt.label if fmt else ""

    @property
    def size_display(self) -> str:
        return filesizeformat(self.file_size)

    @property
    def language_name(self) -> str:
        return str(LANGUAGE_NAMES.get(self.language, self.language))

    def get_download_url(self) -> str:
        from django.urls import reverse

        return reverse("toolkits:download", args=[self.pk, self.filename])
