from functools import cache

from django.conf import settings
from django.contrib.auth.models import AbstractUser, Group, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from core import member_pages
from core.api.fields import RegionField
from core.content_writes import ContentQuerySet
from core.statements import Statement

from .accent import HEX_COLOUR, PALETTE, Accent, accessible_on_white
from .capacity import CapacityLevel, recommended_action
from .validators import validate_feed_url


class Subject(models.Model):
    """A CBD subject (thematic programme or cross-cutting issue).

    The subject *is* a tag of the shared vocabulary, so blog posts, topics,
    toolkits and expertise all point at the same thing; this row adds what the
    CBD knows about it (its thesaurus code and kind).
    """

    class Kind(models.TextChoices):
        THEMATIC = "thematic", _("Thematic programme")
        CROSS_CUTTING = "cross-cutting", _("Cross-cutting issue")

    tag = models.OneToOneField(
        Tag, on_delete=models.CASCADE, related_name="subject", verbose_name=_("tag")
    )
    code = models.CharField(
        _("CBD thesaurus code"),
        max_length=40,
        unique=True,
        help_text=_("For example CBD-SUBJECT-FOR."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["kind", "sort_order", "tag__name"]
        verbose_name = _("CBD subject")
        verbose_name_plural = _("CBD subjects")

    def __str__(self) -> str:
        return self.tag.name

    @property
    def name(self) -> str:
        return self.tag.name


register_snippet(Subject)


class TaggedExpertise(TaggedItemBase):
    content_object = models.ForeignKey(
        "community.User", on_delete=models.CASCADE, related_name="tagged_expertise"
    )

    class Meta:
        verbose_name = _("expertise tag")
        verbose_name_plural = _("expertise tags")


def default_languages() -> list[str]:
    return []


class UserQuerySet(ContentQuerySet):
    def listed(self):
        """The expert directory: active members who asked to be listed and
        declared at least one subject. Search finds experts among these only."""
        return self.filter(is_active=True, listed_in_directory=True).filter(
            Exists(TaggedExpertise.objects.filter(content_object=OuterRef("pk")))
        )

    def mention_candidates(self, prefix: str):
        """Active members a writer may mean by @<prefix>: by username or
        display name, shortest usernames first (an exact name comes first)."""
        return (
            self.filter(is_active=True)
            .filter(
                models.Q(username__istartswith=prefix)
                | models.Q(display_name__istartswith=prefix)
            )
            .annotate(name_length=Length("username"))
            .order_by("name_length", "username")
        )


class MemberManager(UserManager.from_queryset(UserQuerySet)):
    def get(self, *args, **kwargs):
        """`User.objects.get(pk=...)`, which every signed-in request makes
        (Django's ModelBackend.get_user), as one plain statement
        (core/statements.py); every other lookup goes through the ORM."""
        if args or kwargs.keys() != {"pk"} or self._db is not None:
            return super().get(*args, **kwargs)
        pk = self.model._meta.pk.get_prep_value(kwargs["pk"])
        found = _member_by_pk(self.model).instances([pk])
        if not found:
            raise self.model.DoesNotExist(
                f"{self.model._meta.object_name} matching query does not exist."
            )
        return found[0]


@cache
def _member_by_pk(model) -> Statement:
    return Statement(model, "SELECT {columns} FROM {table} WHERE {id} = %s")


class User(index.Indexed, AbstractUser):
    """A member of the network. Logs in by email (django-allauth)."""

    objects = MemberManager()

    display_name = models.CharField(
        _("display name"),
        max_length=80,
        blank=True,
        help_text=_("How your name is shown to others."),
    )
    country = models.ForeignKey(
        "community.CountryPage",
        verbose_name=_("country"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    position = models.CharField(_("position"), max_length=200, blank=True)
    bio = models.TextField(
        _("short bio"),
        max_length=2000,
        blank=True,
        help_text=_("A few lines about your work (at most 2000 characters)."),
    )
    languages = models.JSONField(_("languages"), default=default_languages, blank=True)
    expertise = TaggableManager(
        verbose_name=_("expertise"),
        through=TaggedExpertise,
        blank=True,
        help_text=_("CBD subjects you know well."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The language the site is shown in when you sign in."),
    )
    listed_in_directory = models.BooleanField(
        _("listed in the expert directory"),
        default=True,
        help_text=_("Other people can find you in the expert directory."),
    )
    show_email = models.BooleanField(
        _("show my email to signed-in members"),
        default=False,
    )
    verified_expert = models.BooleanField(
        _("verified expert"),
        default=False,
        help_text=_("Granted by the community moderators."),
    )

    # The expert directory in search: inactive members are filtered at query time.
    search_fields = [
        index.SearchField("display_name", boost=2),
        index.SearchField("username"),
        index.SearchField("organisation"),
        index.SearchField("position"),
        index.SearchField("bio"),
        index.RelatedFields("expertise", [index.SearchField("name")]),
        index.AutocompleteField("display_name"),
        index.AutocompleteField("username"),
        index.FilterField("country"),
        index.FilterField("is_active"),
    ]

    class Meta(AbstractUser.Meta):
        verbose_name = _("member")
        verbose_name_plural = _("members")

    def __str__(self) -> str:
        return self.get_display_name()

    def save(self, *args, **kwargs):
        # Staff not yet enrolled in two-factor sign-in have their flags
        # switched off in memory for a request (community/staff_mfa.py); a
        # save in that request must still write the real ones.
        withheld = self.__dict__.get("_withheld_staff_flags")
        if withheld is None:
            return super().save(*args, **kwargs)
        shown = (self.is_staff, self.is_superuser)
        self.is_staff, self.is_superuser = withheld
        try:
            return super().save(*args, **kwargs)
        finally:
            self.is_staff, self.is_superuser = shown

    def get_display_name(self) -> str:
        return self.display_name or self.get_full_name() or self.username

    def get_absolute_url(self) -> str:
        return reverse("community:profile", args=[self.username])


class PlacePageQuerySet(ContentQuerySet, PageQuerySet):
    """Regions and countries: bulk writes (groups linked by
    `create_country_groups`) drop cached pages like a save does."""


class RegionPage(Page):
    """A UN regional group: the regional node that gathers its countries."""

    objects = PageManager.from_queryset(PlacePageQuerySet)()

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["community.CountryPage", "events.EventsIndexPage"]
    api_fields = ["intro"]

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def get_context(self, request, *args, **kwargs):
        from core.translation_source import source_page

        from .sections import REGION, sections_context

        context = super().get_context(request, *args, **kwargs)
        # A translated region lists the countries (and its sections the news)
        # of its source.
        source = source_page(self)
        context["countries"] = (
            CountryPage.objects.child_of(source).live().public().order_by("title")
        )
        context.update(sections_context(REGION, request, self))
        return context


class CountryPage(Page):
    """A national space: one per CBD Party, run by its national focal points."""

    objects = PageManager.from_queryset(PlacePageQuerySet)()

    iso_code = models.CharField(
        _("ISO code"),
        max_length=2,
        db_index=True,
        help_text=_("ISO 3166-1 alpha-2 code, for example BJ (EU for the Union)."),
    )
    intro = models.TextField(_("introduction"), blank=True, max_length=2000)
    capacity_level = models.PositiveSmallIntegerField(
        _("CHM capacity level"),
        choices=CapacityLevel.choices,
        default=CapacityLevel.NO_FOCAL_POINT,
    )
    national_website = models.URLField(_("national CHM website"), blank=True)
    feed_url = models.URLField(
        _("national news feed"),
        blank=True,
        validators=[validate_feed_url],
        help_text=_("RSS or Atom feed of the national CHM website, if it has one."),
    )
    focal_point_group = models.ForeignKey(
        Group,
        verbose_name=_("focal points group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    editor_group = models.ForeignKey(
        Group,
        verbose_name=_("national editors group"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The national CHM website this space can be served as (national/): its
    # look, set without code, and when it was first published.
    national_logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    national_hero = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide photograph leading the national home page."),
    )
    accent = models.CharField(
        _("accent colour"),
        max_length=20,
        choices=Accent.choices,
        default=Accent.FOREST,
        help_text=_("Each colour is readable as text on white and under white text."),
    )
    accent_custom = models.CharField(
        _("custom accent colour"),
        max_length=7,
        blank=True,
        help_text=_(
            "Optional, as #rrggbb; it replaces the colour above and must reach "
            "a contrast of 4.5:1 with white."
        ),
    )
    national_site_published_at = models.DateTimeField(
        _("national website first published"), null=True, blank=True, editable=False
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("iso_code"),
                FieldPanel("capacity_level"),
                FieldPanel("national_website"),
                FieldPanel("feed_url"),
            ],
            heading=_("National CHM"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("national_logo"),
                FieldPanel("national_hero"),
                FieldPanel("accent"),
                FieldPanel("accent_custom"),
            ],
            heading=_("National website"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.FilterField("iso_code"),
        index.FilterField("capacity_level"),
    ]
    parent_page_types = ["community.RegionPage"]
    subpage_types = [
        "blog.BlogPostPage",
        "home.StandardPage",
        "events.EventsIndexPage",
        # The national website's pages (national/).
        "national.NationalPage",
        "national.BiodiversityProfilePage",
        "national.DocumentsPage",
        "national.SourcesPage",
        "national.GalleryPage",
    ]
    api_fields = [
        "iso_code",
        "intro",
        "capacity_level",
        "national_website",
        APIField("region", serializer=RegionField()),
    ]

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def clean(self):
        super().clean()
        self.iso_code = (self.iso_code or "").upper()
        if len(self.iso_code) != 2 or not self.iso_code.isalpha():
            raise ValidationError({"iso_code": _("Enter a two-letter ISO code.")})
        clash = (
            CountryPage.objects.filter(iso_code=self.iso_code, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .exists()
        )
        if clash:
            raise ValidationError(
                {"iso_code": _("Another country already uses this ISO code.")}
            )
        self.clean_accent()

    def clean_accent(self) -> None:
        """Refuse a custom accent colour that is not readable with white."""
        custom = (self.accent_custom or "").strip().lower()
        self.accent_custom = custom
        if not custom:
            return
        if not HEX_COLOUR.match(custom):
            raise ValidationError(
                {"accent_custom": _("Enter a colour as # and six hex digits.")}
            )
        if not accessible_on_white(custom):
            raise ValidationError(
                {
                    "accent_custom": _(
                        "This colour is too light: text in it, or white text on "
                        "it, would be hard to read (contrast below 4.5:1). Choose "
                        "a darker colour or one from the list."
                    )
                }
            )

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.focal_point_group_id is None and self.is_source_of_translations:
            from .national_spaces import create_country_groups

            create_country_groups(self)

    @property
    def is_source_of_translations(self) -> bool:
        return self.alias_of_id is None and self.locale.language_code == (
            self.get_default_locale().language_code
        )

    @property
    def flag(self) -> str:
        """The flag emoji, built from the ISO code's regional indicator letters."""
        return "".join(chr(0x1F1E6 + ord(c) - ord("A")) for c in self.iso_code.upper())

    @property
    def accent_class(self) -> str:
        """The CSS class of the palette colour (a custom colour overrides it
        through its own stylesheet)."""
        return f"accent-{self.accent if self.accent in PALETTE else Accent.FOREST}"

    @property
    def accent_colour(self) -> str:
        if self.accent_custom and accessible_on_white(self.accent_custom):
            return self.accent_custom
        return PALETTE.get(self.accent, PALETTE[Accent.FOREST])

    @cached_property
    def region(self):
        return self.get_parent().specific

    @property
    def recommended_action(self) -> str:
        return recommended_action(self.capacity_level)

    def focal_points(self):
        if self.focal_point_group_id is None:
            return User.objects.none()
        return User.objects.filter(
            groups=self.focal_point_group_id, is_active=True
        ).order_by("display_name", "username")

    def serve(self, request, *args, **kwargs):
        # Nothing personal here outside the personal parts: members of one
        # audience share the rendered page (core/member_pages.py).
        member_pages.share(request)
        return super().serve(request, *args, **kwargs)

    def get_template(self, request, *args, **kwargs):
        # Served as its own national website (the hosting middleware sets
        # `request.national_country`), the country page is that site's home.
        served = getattr(request, "national_country", None)
        if served is not None and served.pk == self.pk:
            return "national/country_home.html"
        return super().get_template(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .national_spaces import can_manage_country
        from .sections import COUNTRY, sections_context

        context = super().get_context(request, *args, **kwargs)
        context["focal_points"] = self.focal_points()
        can_manage = can_manage_country(request.user, self)
        if can_manage:
            context["can_manage"] = True
        # News, toolkits and figures come from the apps that hold them.
        context.update(sections_context(COUNTRY, request, self, can_manage=can_manage))
        return context
