"""The Kunming-Montreal Global Biodiversity Framework and each Party's
national targets mapped to it, with their indicators and dated progress.

The framework (goals, targets, headline indicators) is reference data loaded
from `targets/data/gbf.json` (`targets.reference.sync_reference`). National
targets are member-written records (plain models, not pages): they belong to a
country and are kept by its focal points and national editors; a draft is seen
by them alone until a focal point publishes it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.search import index

from core.content_writes import ContentQuerySet
from core.private_storage import private_storage

LANGUAGES = ("en", "fr", "es", "ar", "ru", "zh")


def empty_dict() -> dict:
    return {}


def empty_list() -> list:
    return []


def in_language(values: dict, language: str | None = None) -> str:
    """The text in the reader's language, else English, else any."""
    if not values:
        return ""
    language = (language or translation.get_language() or "en").split("-")[0]
    return values.get(language) or values.get("en") or next(iter(values.values()), "")


class Titled:
    @property
    def title(self) -> str:
        return in_language(self.titles)


class GlobalGoal(Titled, models.Model):
    code = models.CharField(_("code"), max_length=1, unique=True)
    titles = models.JSONField(_("titles"), default=empty_dict)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("global goal")
        verbose_name_plural = _("global goals")

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"


class GlobalTarget(Titled, models.Model):
    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    titles = models.JSONField(_("titles"), default=empty_dict)
    subjects = models.ManyToManyField(
        "community.Subject",
        verbose_name=_("CBD subjects"),
        related_name="global_targets",
        blank=True,
    )

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["number"]
        verbose_name = _("global target")
        verbose_name_plural = _("global targets")

    def __str__(self) -> str:
        return _("Target %(number)s") % {"number": self.number}

    def get_absolute_url(self) -> str:
        return reverse("targets:global_target", args=[self.number])


class HeadlineIndicator(Titled, models.Model):
    code = models.CharField(_("code"), max_length=12, unique=True)
    titles = models.JSONField(_("titles"), default=empty_dict)
    goal = models.ForeignKey(
        GlobalGoal,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="headline_indicators",
    )
    target = models.ForeignKey(
        GlobalTarget,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="own_headline_indicators",
    )
    targets = models.ManyToManyField(
        GlobalTarget, related_name="headline_indicators", blank=True
    )

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("headline indicator")
        verbose_name_plural = _("headline indicators")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class TargetStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    ON_TRACK = "on_track", _("On track")
    OFF_TRACK = "off_track", _("Off track")
    ACHIEVED = "achieved", _("Achieved")


# From the least advanced to the most: a Party's status for a global target is
# the least advanced of its national targets mapped to it.
STATUS_RANK = {
    TargetStatus.OFF_TRACK: 0,
    TargetStatus.NOT_STARTED: 1,
    TargetStatus.IN_PROGRESS: 2,
    TargetStatus.ON_TRACK: 3,
    TargetStatus.ACHIEVED: 4,
}
STATUS_BY_RANK = {rank: status for status, rank in STATUS_RANK.items()}


def status_rank(prefix: str = "") -> Case:
    return Case(
        *[
            When(**{f"{prefix}status": status}, then=Value(rank))
            for status, rank in STATUS_RANK.items()
        ],
        output_field=IntegerField(),
    )


class Publication(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for approval")
    PUBLISHED = "published", pgettext_lazy("national target", "Published")


class Contribution(models.TextChoices):
    FULL = "full", _("Fully")
    PARTIAL = "partial", _("Partly")


class NationalTargetQuerySet(ContentQuerySet):
    def published(self):
        return self.filter(publication=Publication.PUBLISHED)

    def visible_to(self, user):
        """Published targets, and the drafts of the countries `user` keeps."""
        if not (user and user.is_authenticated and user.is_active):
            return self.published()
        if user.is_staff:
            return self
        group_ids = list(user.groups.values_list("pk", flat=True))
        return self.filter(
            Q(publication=Publication.PUBLISHED)
            | Q(country__focal_point_group__in=group_ids)
            | Q(country__editor_group__in=group_ids)
        )

    def of_country(self, country):
        return self.filter(country=country)

    def in_region(self, region):
        return self.filter(country__path__startswith=region.path)

    def for_listing(self):
        return self.select_related("country").prefetch_related(
            "contributions__global_target", "indicators"
        )


class NationalTarget(index.Indexed, models.Model):
    """One target of a Party's NBSAP."""

    country = models.ForeignKey(
        "community.CountryPage",
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="national_targets",
    )
    code = models.CharField(
        _("national code"),
        max_length=20,
        blank=True,
        help_text=_("The target's number in the NBSAP, for example T3."),
    )
    titles = models.JSONField(_("titles"), default=empty_dict)
    texts = models.JSONField(_("texts"), default=empty_dict)
    global_targets = models.ManyToManyField(
        GlobalTarget,
        through="TargetContribution",
        related_name="national_targets",
        verbose_name=_("global targets"),
    )
    subjects = models.ManyToManyField(
        "community.Subject",
        verbose_name=_("other CBD subjects"),
        related_name="+",
        blank=True,
    )
    institution = models.CharField(
        _("responsible institution"), max_length=200, blank=True
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=TargetStatus.choices,
        default=TargetStatus.NOT_STARTED,
    )
    publication = models.CharField(
        _("publication"),
        max_length=20,
        choices=Publication.choices,
        default=Publication.DRAFT,
    )
    evidence_links = models.JSONField(_("evidence links"), default=empty_list)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = NationalTargetQuerySet.as_manager()

    # The site search finds a target by its code, its title and text in every
    # language it is written in, and its institution (targets/search_kind.py).
    search_fields = [
        index.SearchField("search_title", boost=2),
        index.SearchField("search_text"),
        index.SearchField("institution"),
        index.AutocompleteField("search_title"),
        index.FilterField("country"),
        index.FilterField("publication"),
    ]

    class Meta:
        ordering = ["country", "code", "pk"]
        verbose_name = _("national target")
        verbose_name_plural = _("national targets")
        indexes = [models.Index(fields=["publication", "status"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse(
            "targets:national_target", args=[self.country.iso_code.lower(), self.pk]
        )

    @property
    def title(self) -> str:
        return in_language(self.titles)

    @property
    def text(self) -> str:
        return in_language(self.texts)

    def search_title(self) -> str:
        return " ".join([self.code, *self.titles.values()]).strip()

    def search_text(self) -> str:
        return " ".join(self.texts.values())

    @property
    def is_published(self) -> bool:
        return self.publication == Publication.PUBLISHED


class TargetContribution(models.Model):
    national_target = models.ForeignKey(
        NationalTarget, on_delete=models.CASCADE, related_name="contributions"
    )
    global_target = models.ForeignKey(
        GlobalTarget, on_delete=models.PROTECT, related_name="contributions"
    )
    contribution = models.CharField(
        _("contribution"),
        max_length=10,
        choices=Contribution.choices,
        default=Contribution.FULL,
    )

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["global_target__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["national_target", "global_target"],
                name="one_contribution_per_global_target",
            )
        ]

    def __str__(self) -> str:
        return f"{self.national_target_id} → {self.global_target_id}"


class UnitType(models.TextChoices):
    NUMBER = "number", _("Number")
    PERCENT = "percent", _("Percentage")
    AREA_KM2 = "area_km2", _("Area (km²)")
    HECTARES = "hectares", _("Area (hectares)")
    COUNT = "count", _("Count")
    CURRENCY = "currency", _("Currency")


class Indicator(models.Model):
    """A national indicator, or one of the GBF's headline indicators, as a
    national target measures it."""

    national_target = models.ForeignKey(
        NationalTarget, on_delete=models.CASCADE, related_name="indicators"
    )
    headline = models.ForeignKey(
        HeadlineIndicator,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="national_indicators",
        verbose_name=_("headline indicator"),
    )
    name = models.CharField(_("indicator"), max_length=200, blank=True)
    unit_type = models.CharField(
        _("unit type"), max_length=20, choices=UnitType.choices
    )
    unit = models.CharField(
        _("unit"),
        max_length=40,
        blank=True,
        help_text=_("For example tonnes, species or XOF (for a currency)."),
    )
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(
        _("baseline year"), null=True, blank=True
    )
    latest_value = models.DecimalField(
        _("latest value"), max_digits=20, decimal_places=4, null=True, blank=True
    )
    latest_year = models.PositiveSmallIntegerField(
        _("latest year"), null=True, blank=True
    )

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if self.headline_id:
            return f"{self.headline.code} {self.headline.title}"
        return self.name


class ProgressUpdate(models.Model):
    """What a national target stood at on a date. Never changed nor deleted:
    together they are the target's history."""

    national_target = models.ForeignKey(
        NationalTarget, on_delete=models.CASCADE, related_name="updates"
    )
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=20, choices=TargetStatus.choices)
    previous_status = models.CharField(
        max_length=20, choices=TargetStatus.choices, blank=True
    )
    note = models.TextField(_("note"), max_length=5000, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")

    def __str__(self) -> str:
        return f"{self.date}: {self.status}"

    def get_absolute_url(self) -> str:
        return f"{self.national_target.get_absolute_url()}#update-{self.pk}"


class IndicatorValue(models.Model):
    """An indicator's value as one progress update reported it."""

    update = models.ForeignKey(
        ProgressUpdate, on_delete=models.CASCADE, related_name="values"
    )
    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="values"
    )
    value = models.DecimalField(max_digits=20, decimal_places=4)
    year = models.PositiveSmallIntegerField()

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["indicator_id"]

    def __str__(self) -> str:
        return f"{self.value} ({self.year})"


def evidence_storage():
    """Evidence documents live in private storage (a local folder or a private
    bucket), served only by the view that checks the target may be read."""
    return private_storage


class EvidenceDocument(models.Model):
    """A document that shows a national target's progress (a report, a decree,
    a data table). Checked by extension and content like toolkit files, and
    served as an attachment to whoever may read its target."""

    national_target = models.ForeignKey(
        NationalTarget,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("national target"),
    )
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(
        _("file"),
        upload_to="targets/evidence/%Y/%m/",
        storage=evidence_storage,
        max_length=255,
    )
    file_format = models.CharField(_("format"), max_length=10, editable=False)
    file_size = models.PositiveBigIntegerField(_("size"), default=0, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    objects = models.Manager.from_queryset(ContentQuerySet)()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("evidence document")
        verbose_name_plural = _("evidence documents")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        target = self.national_target
        return reverse(
            "targets:document",
            args=[target.country.iso_code.lower(), target.pk, self.pk, self.filename],
        )

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]
