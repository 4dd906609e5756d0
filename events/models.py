"""Calendars and their events.

An `EventsIndexPage` is a calendar: the network's (under the home page, where
the Secretariat posts), a region's or a country's. Each `EventPage` under it
keeps the country and region whose calendar it is on (both empty for a
network event), so calendars, sections and feeds filter without walking the
tree, and a country's calendar shows its own events and the Secretariat's.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from core.api.fields import (
    CountryField,
    RegionField,
    SubjectCodesField,
    TagNamesField,
)
from core.content_writes import ContentQuerySet
from core.languages import CONTENT_LANGUAGES

from .forms import EventPageForm
from .validators import validate_time_zone


class EventKind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    TRAINING = "training", _("Training")
    WEBINAR = "webinar", _("Webinar")
    CONVENTION_MEETING = (
        "convention",
        _("Meeting of a Convention body (COP, SBSTTA, SBI)"),
    )
    INTERNATIONAL_DAY = "day", _("International day")
    OTHER = "other", _("Other")


EVENT_LANGUAGES = CONTENT_LANGUAGES


def network_scope() -> Q:
    """Events on the network's calendar (the Secretariat's)."""
    return Q(country__isnull=True, region__isnull=True)


class EventQuerySet(ContentQuerySet, PageQuerySet):
    def published(self):
        """Live and not under a view restriction: like `live().public()`, in
        the same query instead of one more for the restrictions."""
        restricted = PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
        return self.live().filter(~Exists(restricted))

    def upcoming(self, now: dt.datetime | None = None):
        """Events not over yet (one under way counts), soonest first."""
        return self.filter(end__gte=now or timezone.now()).order_by("start", "pk")

    def past(self, now: dt.datetime | None = None):
        """Events already over, latest first."""
        return self.filter(end__lt=now or timezone.now()).order_by("-start", "-pk")

    def network(self):
        return self.filter(network_scope())

    def for_country(self, country):
        """A country's calendar: its own events and the Secretariat's."""
        return self.filter(Q(country=country) | network_scope())

    def for_region(self, region):
        """A region's calendar: the region's, its countries' and the
        Secretariat's events (a country's event keeps its region)."""
        return self.filter(Q(region=region) | network_scope())

    def in_month(self, year: int, month: int):
        """Events that take place, even in part, in that month (UTC)."""
        first = dt.datetime(year, month, 1, tzinfo=dt.UTC)
        following = (
            dt.datetime(year + 1, 1, 1, tzinfo=dt.UTC)
            if month == 12
            else dt.datetime(year, month + 1, 1, tzinfo=dt.UTC)
        )
        return self.filter(start__lt=following, end__gte=first).order_by("start", "pk")

    def with_tag(self, tag):
        return self.filter(tagged_items__tag=tag).distinct()

    def for_listing(self):
        """What calendars, sections and feeds show, in constant queries."""
        return self.select_related("country", "region").prefetch_related("tags")


class EventsIndexPage(Page):
    """A calendar: the network's at /events/, or a region's or a country's."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1000)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = ["intro"]
    parent_page_types = [
        "home.HomePage",
        "community.RegionPage",
        "community.CountryPage",
    ]
    subpage_types = ["events.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("calendar")
        verbose_name_plural = _("calendars")

    @cached_property
    def scope(self):
        """The CountryPage or RegionPage whose calendar this is, or None for
        the network's."""
        from community.models import CountryPage, RegionPage

        parent = self.get_parent()
        if parent is None:
            return None
        for model in (CountryPage, RegionPage):
            found = model.objects.filter(pk=parent.pk).first()
            if found is not None:
                return found
        return None

    def events(self):
        """The published events this calendar shows (before filters)."""
        from community.models import CountryPage
        from core.translation_source import source_page

        events = EventPage.objects.published()
        scope = self.scope
        if scope is None:
            return events
        scope = source_page(scope)
        if isinstance(scope, CountryPage):
            return events.for_country(scope)
        return events.for_region(scope)

    def get_context(self, request, *args, **kwargs):
        from .calendar import calendar_context

        context = super().get_context(request, *args, **kwargs)
        context.update(calendar_context(request, self))
        return context


class EventTag(TaggedItemBase):
    content_object = ParentalKey(
        "events.EventPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class EventPage(Page):
    """One event: a workshop, a training, a webinar, a Convention meeting or an
    international day, at a place and/or online."""

    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"), db_index=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="UTC",
        validators=[validate_time_zone],
        help_text=_(
            "Where the event takes place, as an IANA name such as "
            "Africa/Porto-Novo or America/Montreal. Start and end are "
            "entered in this time zone."
        ),
    )
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Show dates only, without times.")
    )
    kind = models.CharField(
        _("kind of event"),
        max_length=20,
        choices=EventKind.choices,
        default=EventKind.WORKSHOP,
    )
    place = models.CharField(
        _("place"),
        max_length=300,
        blank=True,
        help_text=_("Venue and city. Leave empty for an online event."),
    )
    online_url = models.URLField(_("online link"), max_length=1000, blank=True)
    registration_url = models.URLField(
        _("registration link"), max_length=1000, blank=True
    )
    organisers = models.CharField(_("organisers"), max_length=300, blank=True)
    summary = models.TextField(
        _("summary"),
        max_length=500,
        blank=True,
        help_text=_("One or two sentences shown in calendars and feeds."),
    )
    description = RichTextField(_("description"), blank=True)
    tags = ClusterTaggableManager(
        through=EventTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("CBD subjects and free tags, shared across the network."),
    )
    # Codes between commas (",en,fr,"), so one language is found with a
    # plain `contains` on every database.
    languages = models.CharField(_("languages"), max_length=100, blank=True)

    # The calendar's place in the network (set on save and when pages move).
    country = models.ForeignKey(
        "community.CountryPage",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    region = models.ForeignKey(
        "community.RegionPage",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="events",
    )

    objects = PageManager.from_queryset(EventQuerySet)()
    # Times in the event's zone, languages as boxes, the tag limits.
    base_form_class = EventPageForm

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("time_zone"),
                FieldPanel("all_day"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("place"), FieldPanel("online_url")], heading=_("Where")
        ),
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("organisers"),
        FieldPanel("registration_url"),
        MultiFieldPanel(
            [FieldPanel("tags"), FieldPanel("languages")],
            heading=_("Classification"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("place"),
        index.SearchField("organisers"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("kind"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("country"),
        index.FilterField("region"),
        index.FilterField("languages"),
    ]
    api_fields = [
        "start",
        "end",
        "time_zone",
        "all_day",
        "kind",
        "place",
        "online_url",
        "registration_url",
        "organisers",
        "summary",
        "description",
        APIField("language_codes"),
        APIField("tags", serializer=TagNamesField()),
        APIField("subjects", serializer=SubjectCodesField(source="tags")),
        APIField("country", serializer=CountryField()),
        APIField("region", serializer=RegionField()),
    ]
    parent_page_types = ["events.EventsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [models.Index(fields=["country", "start"])]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must not be before the start.")})

    def save(self, *args, **kwargs):
        self.set_place_in_network()
        super().save(*args, **kwargs)

    def set_place_in_network(self) -> None:
        from community.models import CountryPage, RegionPage

        calendar = self.get_parent() if self.path else None
        if calendar is None:
            return
        scope = calendar.get_parent()
        country = CountryPage.objects.filter(pk=scope.pk).first() if scope else None
        if country is not None:
            self.country = country
            self.region = RegionPage.objects.parent_of(country).first()
        else:
            self.country = None
            self.region = (
                RegionPage.objects.filter(pk=scope.pk).first() if scope else None
            )

    @property
    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.time_zone)
        except (ValueError, KeyError, OSError):
            return ZoneInfo("UTC")

    @property
    def local_start(self) -> dt.datetime:
        return timezone.localtime(self.start, self.zone)

    @property
    def local_end(self) -> dt.datetime:
        return timezone.localtime(self.end, self.zone)

    @property
    def language_codes(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def language_names(self) -> list[str]:
        names = dict(EVENT_LANGUAGES)
        return [str(names.get(code, code)) for code in self.language_codes]

    @property
    def is_online(self) -> bool:
        return bool(self.online_url)

    @property
    def is_past(self) -> bool:
        return self.end < timezone.now()

    @property
    def uid(self) -> str:
        """The iCalendar UID: stable across edits, moves and slug changes."""
        host = settings.SITE_BASE_URL.split("://")[-1].strip("/") or "chm"
        return f"event-{self.pk}@{host}"

    def get_context(self, request, *args, **kwargs):
        from .calendar import event_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_context(request, self))
        return context


def join_languages(codes) -> str:
    codes = [code for code in codes if code]
    return f",{','.join(codes)}," if codes else ""


class EventReminder(models.Model):
    """The claim that a member was (or is being) reminded of an event that
    starts at `starts_at`: one row per member, event and start, so reminders
    go out once however often, or however many at a time, the command runs.
    A rescheduled event reminds again."""

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="reminders"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    starts_at = models.DateTimeField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("event reminder")
        verbose_name_plural = _("event reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user", "starts_at"],
                name="one_reminder_per_member_and_event",
            )
        ]

    def __str__(self) -> str:
        return f"{self.event_id} / {self.user_id} @ {self.starts_at:%Y-%m-%d %H:%M}"
