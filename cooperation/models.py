"""Cooperation requests and offers, with the follow-up trail of each request.

They are member-written records (plain models, not pages): a request belongs
to a country and is kept by its focal points and national editors; an offer
belongs to the member who made it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.content_writes import ContentQuerySet
from translations.names import place_name


class AssistanceType(models.TextChoices):
    TOOLS = "tools", _("Capacity-building tools and resources")
    EXPERTISE = "expertise", _("Expertise")
    TRAINING = "training", _("Training and learning")
    TECHNICAL = "technical", _("Technical support")
    FUNDING = "funding", _("Funding")


class Status(models.TextChoices):
    OPEN = "open", pgettext_lazy("cooperation request", "Open")
    DISCUSSION = "discussion", _("In discussion")
    MATCHED = "matched", _("Matched")
    CLOSED = "closed", pgettext_lazy("cooperation request", "Closed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# The life cycle: where each status may go next. Nothing skips a step.
TRANSITIONS = {
    Status.OPEN: {Status.DISCUSSION, Status.WITHDRAWN},
    Status.DISCUSSION: {Status.OPEN, Status.MATCHED, Status.WITHDRAWN},
    Status.MATCHED: {Status.DISCUSSION, Status.CLOSED, Status.WITHDRAWN},
    Status.CLOSED: set(),
    Status.WITHDRAWN: set(),
}
ACTIVE_STATUSES = (Status.OPEN, Status.DISCUSSION, Status.MATCHED)


class Scope(models.TextChoices):
    NATIONAL = "national", _("National")
    SUBREGIONAL = "subregional", _("Subregional")
    REGIONAL = "regional", _("Regional")
    GLOBAL = "global", _("Global")


class ProviderKind(models.TextChoices):
    MEMBER = "member", _("An expert (myself)")
    ORGANISATION = "organisation", _("An organisation")
    COUNTRY = "country", _("A country (national institution)")


def empty_list() -> list:
    return []


class RequestQuerySet(ContentQuerySet):
    def visible_to(self, user):
        """Every request is public, withdrawn ones included (they keep their
        trail and status badge); what varies by reader is the contact email,
        shown to signed-in members only, never a row."""
        return self

    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)

    def case_studies(self):
        return self.filter(status=Status.CLOSED)

    def in_region(self, region):
        return self.filter(country__path__startswith=region.path)

    def for_listing(self):
        return self.select_related("country").prefetch_related("subjects__tag")


class CooperationRequest(models.Model):
    """A country's need for technical or scientific assistance."""

    title = models.CharField(_("title"), max_length=200)
    problem = models.TextField(
        _("problem to solve"),
        max_length=5000,
        help_text=_("What the country needs and why; plain text."),
    )
    country = models.ForeignKey(
        "community.CountryPage",
        verbose_name=_("requesting country"),
        on_delete=models.PROTECT,
        related_name="cooperation_requests",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.PROTECT,
        related_name="cooperation_requests",
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_email = models.EmailField(_("contact email"))
    assistance_types = models.JSONField(_("types of assistance"), default=empty_list)
    subjects = models.ManyToManyField(
        "community.Subject", verbose_name=_("CBD subjects"), related_name="+"
    )
    national_targets = models.ManyToManyField(
        "targets.NationalTarget",
        verbose_name=_("national targets it serves"),
        related_name="cooperation_requests",
        blank=True,
    )
    languages = models.JSONField(_("languages"), default=empty_list)
    scope = models.CharField(
        _("geographic scope"),
        max_length=20,
        choices=Scope.choices,
        default=Scope.NATIONAL,
    )
    start_date = models.DateField(_("desired start"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    topic = models.OneToOneField(
        "forum.Topic",
        verbose_name=_("discussion"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cooperation_request",
    )
    selected_offer = models.ForeignKey(
        "cooperation.CooperationOffer",
        verbose_name=_("selected provider"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="selected_for",
    )
    outcome = models.TextField(_("outcome"), max_length=5000, blank=True)
    lessons_learned = models.TextField(
        _("lessons learned"), max_length=5000, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    objects = RequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("cooperation request")
        verbose_name_plural = _("cooperation requests")
        indexes = [models.Index(fields=["status", "-created_at"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cooperation:request", args=[self.pk])

    @property
    def is_case_study(self) -> bool:
        return self.status == Status.CLOSED

    def assistance_labels(self) -> list[str]:
        return [AssistanceType(code).label for code in self.assistance_types]

    def language_labels(self) -> list[str]:
        names = dict(settings.LANGUAGES)
        return [str(names.get(code, code)) for code in self.languages]


class OfferQuerySet(ContentQuerySet):
    def visible_to(self, user):
        """Available offers; one that is no longer available stays visible to
        the member who made it and to the Secretariat (`is_staff`)."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self.active()
        if user.is_staff:
            return self
        return self.filter(Q(is_active=True) | Q(offered_by=user))

    def active(self):
        return self.filter(is_active=True)

    def covering(self, region):
        """Offers that cover `region`, counting worldwide ones (no region named)."""
        return self.filter(Q(regions=region) | Q(regions__isnull=True)).distinct()

    def for_listing(self):
        return self.select_related("country", "offered_by").prefetch_related(
            "subjects__tag", "regions"
        )


class CooperationOffer(models.Model):
    """What a member, organisation or country can provide to others."""

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(
        _("what you can provide"), max_length=5000, help_text=_("Plain text.")
    )
    offered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("offered by"),
        on_delete=models.CASCADE,
        related_name="cooperation_offers",
    )
    provider_kind = models.CharField(
        _("provider"),
        max_length=20,
        choices=ProviderKind.choices,
        default=ProviderKind.MEMBER,
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.ForeignKey(
        "community.CountryPage",
        verbose_name=_("provider's country"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cooperation_offers",
    )
    assistance_types = models.JSONField(_("types of assistance"), default=empty_list)
    subjects = models.ManyToManyField(
        "community.Subject", verbose_name=_("CBD subjects"), related_name="+"
    )
    regions = models.ManyToManyField(
        "community.RegionPage",
        verbose_name=_("geographic coverage"),
        blank=True,
        related_name="+",
        help_text=_("Leave empty for worldwide."),
    )
    languages = models.JSONField(_("languages"), default=empty_list)
    availability = models.CharField(
        _("availability"),
        max_length=200,
        blank=True,
        help_text=_("For example: two weeks a year, from March 2027."),
    )
    is_active = models.BooleanField(_("available"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OfferQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("cooperation offer")
        verbose_name_plural = _("cooperation offers")
        constraints = [
            models.UniqueConstraint(
                Lower("title"),
                "offered_by",
                condition=Q(is_active=True),
                name="one_active_offer_per_title_and_member",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("cooperation:offer", args=[self.pk])

    def provider_name(self) -> str:
        if self.provider_kind == ProviderKind.COUNTRY and self.country_id:
            return place_name(self.country)
        return self.organisation or self.offered_by.get_display_name()

    def assistance_labels(self) -> list[str]:
        return [AssistanceType(code).label for code in self.assistance_types]

    def language_labels(self) -> list[str]:
        names = dict(settings.LANGUAGES)
        return [str(names.get(code, code)) for code in self.languages]


class Interest(models.Model):
    """A member's expression of interest in helping with a request."""

    request = models.ForeignKey(
        CooperationRequest, on_delete=models.CASCADE, related_name="interests"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    offer = models.ForeignKey(
        CooperationOffer,
        verbose_name=_("offer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="interests",
    )
    message = models.TextField(_("message"), max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        constraints = [
            models.UniqueConstraint(
                fields=["request", "member"], name="one_interest_per_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} → {self.request}"


class RequestEvent(models.Model):
    """One step of a request's follow-up trail, shown on the request's page."""

    class Kind(models.TextChoices):
        OPENED = "opened", _("Request opened")
        STATUS = "status", _("Status changed")
        INTEREST = "interest", _("Expression of interest")
        SELECTED = "selected", _("Provider selected")
        CLOSED = "closed", _("Closed with outcome")
        EDITED = "edited", _("Request edited")

    request = models.ForeignKey(
        CooperationRequest, on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    note = models.TextField(max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("follow-up step")
        verbose_name_plural = _("follow-up trail")

    def __str__(self) -> str:
        return f"{self.request}: {self.get_kind_display()}"
