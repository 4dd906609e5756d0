import datetime as dt
from zoneinfo import ZoneInfo

from django.test import Client
from icalendar import Calendar

from ..factories import make_event

NAIROBI = ZoneInfo("Africa/Nairobi")


def _parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def _start(days: int) -> dt.datetime:
    day = dt.date.today() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(9, 30), tzinfo=NAIROBI)


def test_an_events_ics_keeps_its_time_zone_with_a_vtimezone(calendars):
    start = _start(10)
    event = make_event(
        calendars.kenya,
        "Forest inventory training",
        start=start,
        end=start + dt.timedelta(hours=7),
        time_zone="Africa/Nairobi",
        place="Nairobi",
    )
    response = Client().get(f"/feeds/events/{event.pk}.ics")
    ical = _parse(response)
    assert b"DTSTART;TZID=Africa/Nairobi:" in response.content
    assert b"DTEND;TZID=Africa/Nairobi:" in response.content
    assert [tz["TZID"] for tz in ical.walk("VTIMEZONE")] == ["Africa/Nairobi"]
    (vevent,) = ical.walk("VEVENT")
    assert vevent.decoded("DTSTART") == start
    assert vevent.decoded("DTSTART").tzinfo.key == "Africa/Nairobi"
    assert vevent.decoded("DTEND") == start + dt.timedelta(hours=7)
    assert str(vevent["LOCATION"]) == "Nairobi"
    assert str(vevent["URL"]).endswith("/kenya/events/forest-inventory-training/")
    assert str(vevent["UID"]) == event.uid


def test_the_uid_stays_when_the_event_is_renamed_and_moved(calendars):
    event = make_event(calendars.kenya, "Webinar")
    uid = event.uid
    event.title, event.slug = "Webinar, renamed", "webinar-renamed"
    event.save_revision().publish()
    event.move(calendars.benin, pos="last-child")
    ical = _parse(Client().get(f"/feeds/events/{event.pk}.ics"))
    assert str(ical.walk("VEVENT")[0]["UID"]) == uid


def test_a_title_with_line_breaks_semicolons_and_commas_is_escaped_and_parses_back(
    calendars,
):
    title = "Atelier; partie 1,\r\nsalle B\\C"
    event = make_event(
        calendars.benin,
        "Atelier",
        place="Cotonou; salle 2, étage 1",
        summary="Ligne 1\r\nLigne 2; fin, vraiment",
    )
    type(event).objects.filter(pk=event.pk).update(title=title)
    response = Client().get(f"/feeds/events/{event.pk}.ics")
    body = response.content.decode()
    summary_line = next(
        line for line in body.split("\r\n") if line.startswith("SUMMARY")
    )
    assert summary_line == "SUMMARY:Atelier\\; partie 1\\,\\nsalle B\\\\C"
    assert "LOCATION:Cotonou\\; salle 2\\, étage 1" in body
    (vevent,) = _parse(response).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Atelier; partie 1,\nsalle B\\C"
    assert str(vevent["LOCATION"]) == "Cotonou; salle 2, étage 1"
    assert str(vevent["DESCRIPTION"]) == "Ligne 1\nLigne 2; fin, vraiment"


def test_an_all_day_event_is_dates_with_the_end_the_day_after(calendars):
    start = _start(20).replace(hour=0, minute=0)
    event = make_event(
        calendars.network,
        "International Day for Biological Diversity",
        start=start,
        end=start.replace(hour=23, minute=59),
        time_zone="Africa/Nairobi",
        all_day=True,
    )
    (vevent,) = _parse(Client().get(f"/feeds/events/{event.pk}.ics")).walk("VEVENT")
    assert vevent.decoded("DTSTART") == start.date()
    assert vevent.decoded("DTEND") == start.date() + dt.timedelta(days=1)


def test_a_draft_or_private_event_has_no_ics(calendars):
    from wagtail.models import PageViewRestriction

    draft = make_event(calendars.benin, "Draft", live=False)
    private = make_event(calendars.kenya, "Private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    assert Client().get(f"/feeds/events/{draft.pk}.ics").status_code == 404
    assert Client().get(f"/feeds/events/{private.pk}.ics").status_code == 404
    assert Client().get("/feeds/events/999999.ics").status_code == 404


def test_the_subscription_feeds_parse_and_hold_each_scopes_events(calendars, subjects):
    secretariat = make_event(calendars.network, "Secretariat webinar")
    benin = make_event(calendars.benin, "Atelier", tags=[subjects["forest"]])
    kenya = make_event(calendars.kenya, "Training")
    fiji = make_event(calendars.fiji, "Reef day")
    make_event(calendars.benin, "Brouillon", live=False)

    def summaries(url) -> set[str]:
        return {str(e["SUMMARY"]) for e in _parse(Client().get(url)).walk("VEVENT")}

    everything = {secretariat.title, benin.title, kenya.title, fiji.title}
    assert summaries("/feeds/events.ics") == everything
    assert summaries("/feeds/events/countries/bj.ics") == {
        secretariat.title,
        benin.title,
    }
    assert summaries("/feeds/events/regions/africa.ics") == {
        secretariat.title,
        benin.title,
        kenya.title,
    }
    assert summaries("/feeds/events/tags/forest.ics") == {benin.title}
    assert Client().get("/feeds/events/countries/zz.ics").status_code == 404
    assert Client().get("/feeds/events/tags/nothing-here.ics").status_code == 404
