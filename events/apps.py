from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from django.utils import translation

        from community.sections import (
            PageSection,
            register_country_section,
            register_region_section,
        )
        from community.site_pages import StarterPage, register_starter_page
        from core.search_kinds import register_search_kind
        from notifications.followable import register_followable
        from tagging.sections import TagSection, register_tag_section
        from tagging.vocabulary import register_public_tag_use

        from . import events, search_kind, signals  # noqa: F401
        from .listing import (
            country_events_context,
            events_for_tag,
            region_events_context,
        )
        from .models import EventPage, EventsIndexPage, EventTag

        events.register_kinds()
        register_followable(
            "event", "events.EventPage", lambda user, pages: pages.live().public()
        )
        register_search_kind(search_kind.EVENTS)
        # A tag that only events carry still has its page, with their list.
        register_public_tag_use(
            lambda: EventTag.objects.filter(
                content_object__in=EventPage.objects.published().values("pk")
            ).values("tag_id")
        )
        register_tag_section(
            TagSection(
                key="events",
                title=_("Upcoming events"),
                template="events/tag_section.html",
                items=events_for_tag,
                order=25,
            )
        )

        for register, kind, context in (
            (register_country_section, "country", country_events_context),
            (register_region_section, "region", region_events_context),
        ):
            register(
                PageSection(
                    key="events",
                    template=f"events/sections/{kind}_events.html",
                    context=context,
                    order=35,
                )
            )

        def build_calendar(country, language: str) -> EventsIndexPage:
            with translation.override(language):
                title = str(_("Events"))
                intro = str(_("Workshops, trainings and meetings in the country."))
            return EventsIndexPage(title=title, slug="events", intro=intro)

        register_starter_page(
            StarterPage(
                key="events",
                slug="events",
                title=_("Events"),
                help_text=_(
                    "The country's calendar: add workshops, trainings and "
                    "meetings; the Secretariat's events are shown beside them."
                ),
                build=build_calendar,
                order=70,
            )
        )
