"""Demo calendars for `seed_demo`: the network's at /events/ with two
Secretariat events (one the International Day for Biological Diversity, 22
May), and Benin's and Kenya's, each with two upcoming events and a past one.
Idempotent: a second run finds the calendars and events and adds nothing."""

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone
from taggit.models import Tag

from .models import EventKind, EventPage, EventsIndexPage, join_languages

NETWORK_EVENTS = [
    # slug, title, kind, days ahead (None: next 22 May), hours, zone, place,
    # online, languages, tags, summary
    ("international-day-for-biological-diversity",
     "International Day for Biological Diversity", EventKind.INTERNATIONAL_DAY,
     None, None, "America/Montreal", "", "https://www.cbd.int/biodiversity-day",
     ["en", "fr", "es", "ar", "ru", "zh-hans"], ["Sustainable use"],
     "Every 22 May the network celebrates biodiversity: share what your "
     "country does."),
    ("chm-webinar-national-websites", "Webinar: building a national CHM website",
     EventKind.WEBINAR, 12, (14, 16), "America/Montreal", "",
     "https://example.org/webinar/chm", ["en", "fr"],
     ["Technology transfer and cooperation"],
     "The Secretariat's CHM team shows how to set up and run a national "
     "CHM website."),
]  # fmt: skip

COUNTRY_EVENTS = {
    "BJ": ("Africa/Porto-Novo", [
        ("atelier-chm-cotonou", "Atelier national du CHM", EventKind.WORKSHOP,
         9, (9, 17), "Cotonou, Ministère du Cadre de Vie", "", ["fr"],
         ["Communication, education and public awareness (CEPA)"],
         "Deux jours pour former les rédacteurs du CHM national."),
        ("formation-especes-envahissantes",
         "Formation : espèces exotiques envahissantes", EventKind.TRAINING,
         30, (8, 12), "Porto-Novo", "", ["fr", "en"],
         ["Invasive alien species"],
         "Reconnaître et cartographier la jacinthe d'eau sur l'Ouémé."),
        ("journee-zones-humides", "Journée des zones humides à Ouidah",
         EventKind.OTHER, -40, (9, 13), "Ouidah", "", ["fr"], ["Inland waters"],
         "Visite des zones humides côtières avec les écoles."),
    ]),
    "KE": ("Africa/Nairobi", [
        ("forest-inventory-training", "Forest inventory training", EventKind.TRAINING,
         5, (9, 16), "Nairobi, KEFRI", "", ["en"], ["Forest"],
         "Field methods for national forest inventories."),
        ("marine-spatial-planning-webinar", "Webinar: marine spatial planning",
         EventKind.WEBINAR, 20, (11, 13), "", "https://example.org/webinar/msp",
         ["en"], ["Marine and coastal"],
         "How Kenya plans its coastal waters, with Q&A."),
        ("nbsap-validation-meeting", "NBSAP validation meeting", EventKind.WORKSHOP,
         -25, (9, 17), "Naivasha", "", ["en"],
         ["Identification, monitoring, indicators and assessments"],
         "Validation of the updated national biodiversity strategy."),
    ]),
}  # fmt: skip


def _calendar(parent, title: str, intro: str) -> EventsIndexPage:
    calendar = EventsIndexPage.objects.child_of(parent).first()
    if calendar is None:
        calendar = parent.add_child(
            instance=EventsIndexPage(title=title, slug="events", intro=intro)
        )
        parent.refresh_from_db()
    return calendar


def _next_biodiversity_day(today: dt.date) -> dt.date:
    day = dt.date(today.year, 5, 22)
    return day if day >= today else dt.date(today.year + 1, 5, 22)


def _add(calendar, spec, zone_name: str, tags: dict) -> bool:
    slug, title, kind, days, hours, place, online, languages, tag_names, summary = spec
    if EventPage.objects.child_of(calendar).filter(slug=slug).exists():
        return False
    zone = ZoneInfo(zone_name)
    today = timezone.localdate()
    all_day = days is None
    day = _next_biodiversity_day(today) if all_day else today + dt.timedelta(days)
    start_hour, end_hour = hours or (0, 23)
    start = dt.datetime.combine(day, dt.time(start_hour), tzinfo=zone)
    end = dt.datetime.combine(day, dt.time(end_hour, 59 if all_day else 0), tzinfo=zone)
    event = EventPage(
        title=title,
        slug=slug,
        start=start,
        end=end,
        time_zone=zone_name,
        all_day=all_day,
        kind=kind,
        place=place,
        online_url=online,
        languages=join_languages(languages),
        summary=summary,
        description=f"<p>{summary}</p>",
        organisers="CBD Secretariat" if calendar.depth == 3 else "",
    )
    for name in tag_names:
        tag = tags.get(name.lower())
        if tag:
            event.tags.add(tag)
    calendar.add_child(instance=event)
    calendar.refresh_from_db()
    return True


def seed_events(home, countries: dict) -> int:
    """Create the demo calendars and events once; returns how many events
    were created."""
    tags = {tag.name.lower(): tag for tag in Tag.objects.all()}
    created = 0
    network = _calendar(
        home,
        "Events",
        "Workshops, trainings, webinars and meetings of the CHM network.",
    )
    for spec in NETWORK_EVENTS:
        slug, title, kind, days, hours, zone, place, online, langs, names, text = spec
        created += _add(
            network,
            (slug, title, kind, days, hours, place, online, langs, names, text),
            zone,
            tags,
        )
    for iso, (zone, specs) in COUNTRY_EVENTS.items():
        country = countries.get(iso)
        if country is None:
            continue
        calendar = _calendar(
            country, "Events", f"Events of the national CHM of {country.title}."
        )
        for spec in specs:
            created += _add(calendar, spec, zone, tags)
    return created
