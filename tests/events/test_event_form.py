import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from events.models import EventPage

from ..factories import EventPageFactory, login, make_event


def _add_url(calendar) -> str:
    return reverse("wagtailadmin_pages:add", args=["events", "eventpage", calendar.pk])


def _form(**changes) -> dict:
    data = {
        "title": "Atelier national",
        "slug": "atelier-national",
        "start": "2031-03-10 09:00",
        "end": "2031-03-10 17:00",
        "time_zone": "Africa/Porto-Novo",
        "kind": "workshop",
        "summary": "Deux jours",
        "description": rich_text(""),
        "tags": "",
        "place": "Cotonou",
        "languages": ["fr", "en"],
    }
    data.update(changes)
    return data


def test_an_end_before_the_start_is_a_form_error_in_the_admin(calendars, people):
    client = login(people.focal_benin)
    response = client.post(
        _add_url(calendars.benin), _form(end="2031-03-09 17:00", action="publish")
    )
    assert response.status_code == 200
    assert "The end must not be before the start." in response.content.decode()
    assert not EventPage.objects.exists()


def test_times_are_entered_in_the_events_time_zone(calendars, people):
    client = login(people.focal_benin)
    response = client.post(_add_url(calendars.benin), _form(action="publish"))
    assert response.status_code == 302, response.content.decode()[:3000]
    event = EventPage.objects.get()
    zone = ZoneInfo("Africa/Porto-Novo")
    assert event.start == dt.datetime(2031, 3, 10, 9, 0, tzinfo=zone)
    assert event.end == dt.datetime(2031, 3, 10, 17, 0, tzinfo=zone)
    assert event.language_codes == ["fr", "en"]
    assert event.country == calendars.benin.get_parent().specific
    # Opened again, the form shows the same clock times.
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk]))
    assert 'value="2031-03-10 09:00"' in edit.content.decode()


def test_an_unknown_time_zone_is_a_form_error(calendars, people):
    client = login(people.focal_benin)
    response = client.post(
        _add_url(calendars.benin), _form(time_zone="Mars/Olympus", action="publish")
    )
    assert response.status_code == 200
    assert "Enter a time zone name" in response.content.decode()
    assert not EventPage.objects.exists()


def test_full_clean_refuses_an_end_before_the_start(calendars):
    event = EventPageFactory.build(title="Backwards", slug="backwards", time_zone="UTC")
    event.end = event.start - dt.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean(exclude=["path", "depth", "url_path", "translation_key"])
    assert "end" in error.value.message_dict


@pytest.mark.parametrize("zone", ["../../etc/passwd", "", "Not/AZone", "x" * 64])
def test_a_time_zone_must_be_an_iana_name(calendars, zone):
    event = make_event(calendars.network, "Zoned")
    event.time_zone = zone
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "time_zone" in error.value.message_dict
