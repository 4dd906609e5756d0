"""National CHM websites: a country's space served as a site of its own."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from community.models import CountryPage, Subject
from core.blocks import BodyBlock, CaptionedImageBlock
from core.languages import CONTENT_LANGUAGES


class DomainClaimQuerySet(models.QuerySet):
    def standing(self):
        """Claims that hold their hostname: asked or approved, not refused."""
        return self.exclude(status=DomainClaim.Status.REFUSED)

    def approved(self):
        return self.filter(status=DomainClaim.Status.APPROVED)


class DomainClaim(models.Model):
    """A country's claim to a domain of its own (chm.gouv.bj) for its
    national website, asked by a focal point and decided by the Secretariat.
    An approved claim makes that host serve the country's site."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    country = models.ForeignKey(
        "community.CountryPage",
        verbose_name=_("country"),
        on_delete=models.CASCADE,
        related_name="domain_claims",
    )
    hostname = models.CharField(_("domain"), max_length=253)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.REQUESTED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    objects = DomainClaimQuerySet.as_manager()

    class Meta:
        verbose_name = _("domain claim")
        verbose_name_plural = _("domain claims")
        ordering = ["-requested_at"]
        constraints = [
            # A domain is held by one claim at a time: a refused claim frees it.
            models.UniqueConstraint(
                fields=["hostname"],
                condition=~Q(status="refused"),
                name="national_domain_claim_one_standing_per_hostname",
            )
        ]

    def __str__(self) -> str:
        return self.hostname


# ---------------------------------------------------------------------------
# The national website's pages: each a child of a CountryPage, translated like
# the house's other editorial pages, written with the house's body blocks.


class ContactBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=120)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=120)
    institution = blocks.CharBlock(
        label=_("Institution"), required=False, max_length=200
    )
    email = blocks.EmailBlock(label=_("Email"), required=False)
    phone = blocks.CharBlock(label=_("Phone"), required=False, max_length=40)
    address = blocks.TextBlock(label=_("Address"), required=False, max_length=500)

    class Meta:
        icon = "user"
        label = _("Contact")
        template = "national/blocks/contact.html"


class NationalBodyBlock(BodyBlock):
    """The house's body, plus contact cards (institutions, steering committee,
    the people to write to)."""

    contact = ContactBlock()


class FactBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Fact"), max_length=120)
    value = blocks.CharBlock(label=_("Value"), max_length=60)
    notes = blocks.CharBlock(label=_("Unit or notes"), required=False, max_length=200)
    source_title = blocks.CharBlock(label=_("Source"), max_length=200)
    source_url = blocks.URLBlock(label=_("Source link"), required=False)

    class Meta:
        icon = "list-ul"
        label = _("Key fact")


class DocumentKind(models.TextChoices):
    NATIONAL_REPORT = "national-report", _("National report")
    NBSAP = "nbsap", _("NBSAP")
    OTHER = "other", _("Other document")


class NationalDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    year = blocks.IntegerBlock(
        label=_("Year"), required=False, min_value=1992, max_value=2100
    )
    kind = blocks.ChoiceBlock(
        label=_("Kind"), choices=DocumentKind.choices, default=DocumentKind.OTHER
    )
    language = blocks.ChoiceBlock(
        label=_("Language"), choices=CONTENT_LANGUAGES, required=False
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")


class SourceKind(models.TextChoices):
    DATABASE = "database", _("Database")
    INSTITUTION = "institution", _("Institution")
    PARTNER = "partner", _("Partner website")
    OTHER = "other", _("Other source")


def subject_choices() -> list[tuple[str, str]]:
    """The CBD subjects, by thesaurus code (read when the editor opens)."""
    return [
        (code, name)
        for code, name in Subject.objects.order_by(
            "kind", "sort_order", "tag__name"
        ).values_list("code", "tag__name")
    ]


class SourceBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=200)
    url = blocks.URLBlock(label=_("Address (URL)"))
    description = blocks.TextBlock(
        label=_("Description"), required=False, max_length=600
    )
    kind = blocks.ChoiceBlock(
        label=_("Type"), choices=SourceKind.choices, default=SourceKind.DATABASE
    )
    subjects = blocks.MultipleChoiceBlock(
        label=_("CBD subjects"), choices=subject_choices, required=False
    )

    class Meta:
        icon = "link"
        label = _("Information source")


class GalleryImageBlock(CaptionedImageBlock):
    """A captioned image whose text alternative is required."""

    alt_text = blocks.CharBlock(
        label=_("Text alternative"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )

    class Meta:
        icon = "image"
        label = _("Photo")


class NationalBasePage(Page):
    """What every page of a national website shares: it lives directly under
    its country, has an introduction and a body, and shows in the national
    menu unless told otherwise."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)
    body = StreamField(NationalBodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["community.CountryPage"]
    subpage_types: list[str] = []
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    api_fields = ["intro", "body"]

    class Meta:
        abstract = True

    @cached_property
    def country(self) -> CountryPage | None:
        """The country whose national website this page belongs to."""
        return CountryPage.objects.filter(path=self.path[: -self.steplen]).first()


class NationalPage(NationalBasePage):
    """About the national CHM and its institutions, projects, contacts..."""

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = _("national page")
        verbose_name_plural = _("national pages")


class BiodiversityProfilePage(NationalBasePage):
    facts = StreamField(
        [("fact", FactBlock())], blank=True, verbose_name=_("key facts")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("facts"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("biodiversity profile")
        verbose_name_plural = _("biodiversity profiles")


class DocumentsPage(NationalBasePage):
    documents = StreamField(
        [("document", NationalDocumentBlock())],
        blank=True,
        verbose_name=_("documents"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("documents"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("reports and documents page")
        verbose_name_plural = _("reports and documents pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        labels = dict(DocumentKind.choices)
        groups: dict[str, list] = {}
        for block in self.documents:
            groups.setdefault(block.value["kind"], []).append(block.value)
        context["document_groups"] = [
            (labels.get(kind, kind), groups[kind])
            for kind in DocumentKind.values
            if kind in groups
        ]
        return context


class SourcesPage(NationalBasePage):
    sources = StreamField(
        [("source", SourceBlock())], blank=True, verbose_name=_("information sources")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("sources"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("information sources page")
        verbose_name_plural = _("information sources pages")

    def get_context(self, request, *args, **kwargs):
        from .sources import sources_context

        context = super().get_context(request, *args, **kwargs)
        context.update(sources_context(self, request.GET.get("subject", "")))
        return context


class GalleryPage(NationalBasePage):
    photos = StreamField(
        [("photo", GalleryImageBlock())], blank=True, verbose_name=_("photos")
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("photos"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("photo gallery")
        verbose_name_plural = _("photo galleries")


NATIONAL_PAGE_MODELS = (
    NationalPage,
    BiodiversityProfilePage,
    DocumentsPage,
    SourcesPage,
    GalleryPage,
)
