import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import PageViewRestriction

from community.site_pages import starter_pages
from events.demo import seed_events
from events.models import EventKind, EventPage, EventsIndexPage

from ..factories import UserFactory, make_event


def _text(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def scene(calendars, subjects):
    """A Secretariat event, one each for Benin, Kenya and Fiji, a past one, a
    draft and a private one."""
    return {
        "secretariat": make_event(
            calendars.network, "Secretariat webinar", kind=EventKind.WEBINAR,
            languages=["en", "fr"],
        ),
        "benin": make_event(
            calendars.benin, "Atelier Cotonou", tags=[subjects["forest"]],
            languages=["fr"], days=3,
        ),
        "kenya": make_event(calendars.kenya, "Nairobi training", days=4,
                            kind=EventKind.TRAINING),
        "fiji": make_event(calendars.fiji, "Suva reef day", days=5),
        "past": make_event(calendars.benin, "Ancien atelier", days=-30),
        "draft": make_event(calendars.benin, "Brouillon secret", live=False),
        "private": _private(make_event(calendars.kenya, "Private meeting")),
    }  # fmt: skip


def _private(event):
    PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.LOGIN
    )
    return event


def test_the_network_calendar_lists_every_public_upcoming_event(scene):
    html = _text(Client().get("/events/"))
    for name in ("secretariat", "benin", "kenya", "fiji"):
        assert scene[name].title in html
    for name in ("past", "draft", "private"):
        assert scene[name].title not in html
    assert 'type="text/calendar"' in html and 'href="/feeds/events.ics"' in html
    assert '<link rel="alternate" type="application/rss+xml"' in html


def test_a_countrys_calendar_shows_its_events_and_the_secretariats(scene):
    html = _text(Client().get("/africa/benin/events/"))
    assert scene["benin"].title in html
    assert scene["secretariat"].title in html
    assert scene["kenya"].title not in html
    assert scene["fiji"].title not in html
    assert 'href="/feeds/events/countries/bj.ics"' in html


def test_a_regions_calendar_shows_its_countries_events(scene):
    html = _text(Client().get("/africa/events/"))
    for name in ("benin", "kenya", "secretariat"):
        assert scene[name].title in html
    assert scene["fiji"].title not in html


def test_past_events_on_request(scene):
    html = _text(Client().get("/africa/benin/events/?when=past"))
    assert scene["past"].title in html
    assert scene["benin"].title not in html


FILTERS = [
    ("country=bj", ["benin"], ["kenya", "secretariat", "fiji"]),
    ("region=africa", ["benin", "kenya"], ["fiji", "secretariat"]),
    ("kind=training", ["kenya"], ["benin", "secretariat"]),
    ("subject=forest", ["benin"], ["kenya", "secretariat"]),
    ("language=fr", ["benin", "secretariat"], ["kenya", "fiji"]),
    ("country=bj&kind=webinar", [], ["benin", "secretariat"]),
]


def test_the_filters(scene):
    client = Client()
    for query, shown, hidden in FILTERS:
        html = _text(client.get(f"/events/?{query}"))
        for name in shown:
            assert scene[name].title in html, query
        for name in hidden:
            assert scene[name].title not in html, query


BAD_QUERIES = [
    "country=zz",
    "region=nowhere",
    "kind=party",
    "subject=%00",
    "language=xx",
    "view=month&month=2026-13",
    "view=month&month=abcd",
    "view=month&month=0000-01",
    "view=cube",
    "when=yesterday",
    "page=-1",
    "page=99999",
    "month=9999-99",
    "country=" + "a" * 5000,
]


def test_bad_filter_values_are_ignored_never_an_error_page(scene):
    client = Client()
    for query in BAD_QUERIES:
        assert client.get(f"/events/?{query}").status_code == 200, query
    html = _text(client.get("/events/?view=month&month=2026-13&country=zz"))
    assert "Enter a month as YYYY-MM." in html


def test_the_month_view_puts_events_on_their_days(scene):
    event = scene["kenya"]
    day = event.local_start.date()
    html = _text(Client().get(f"/events/?view=month&month={day:%Y-%m}"))
    assert f'<time datetime="{day:%Y-%m}">' in html
    assert f'datetime="{day:%Y-%m-%d}"' in html
    assert event.title in html
    previous = (day.replace(day=1) - dt.timedelta(days=1)).strftime("%Y-%m")
    assert f"month={previous}" in html


def test_the_month_view_of_a_country_keeps_out_other_countries(scene):
    day = scene["kenya"].local_start.date()
    html = _text(Client().get(f"/africa/benin/events/?view=month&month={day:%Y-%m}"))
    assert scene["kenya"].title not in html


def _grow(calendars, n: int, start: int) -> None:
    for i in range(start, start + n):
        make_event(
            calendars.benin if i % 2 else calendars.network,
            f"Grown {i}",
            days=1 + i % 20,
        )


CALENDAR_VIEWS = ["", "?view=month", "?when=past", "?country=bj&language=fr"]


def _queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_calendar_runs_constant_queries(
    calendars, subjects, django_assert_max_num_queries
):
    _grow(calendars, 2, 0)
    client = Client()
    client.get("/events/")  # the first request fills per-process caches
    few = {view: _queries(client, f"/events/{view}") for view in CALENDAR_VIEWS}
    _grow(calendars, 12, 2)
    for view in CALENDAR_VIEWS:
        with django_assert_max_num_queries(few[view]):
            client.get(f"/events/{view}")


def test_the_country_page_shows_upcoming_events_in_constant_queries(
    scene, calendars, django_assert_max_num_queries
):
    html = _text(Client().get("/africa/benin/"))
    assert scene["benin"].title in html
    assert scene["secretariat"].title in html
    assert scene["kenya"].title not in html
    assert scene["draft"].title not in html
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        Client().get("/africa/benin/")
    for i in range(6):
        make_event(calendars.benin, f"More {i}", days=2 + i)
    with django_assert_max_num_queries(len(captured)):
        Client().get("/africa/benin/")


def test_the_region_page_shows_its_upcoming_events(scene):
    html = _text(Client().get("/africa/"))
    assert scene["kenya"].title in html
    assert scene["fiji"].title not in html


FEEDS = [
    "/feeds/events.rss",
    "/feeds/events.atom",
    "/feeds/events.ics",
    "/feeds/events/countries/bj.rss",
    "/feeds/events/countries/bj.ics",
    "/feeds/events/regions/africa.atom",
    "/feeds/events/tags/forest.rss",
]


def test_feeds_list_only_live_public_events(scene):
    for url in FEEDS:
        body = _text(Client().get(url))
        assert scene["benin"].title in body, url
        assert scene["draft"].title not in body, url
        assert scene["private"].title not in body, url


def test_the_country_feed_keeps_out_other_countries(scene):
    body = _text(Client().get("/feeds/events/countries/bj.rss"))
    assert scene["secretariat"].title in body
    assert scene["kenya"].title not in body
    assert Client().get("/feeds/events/countries/zz.rss").status_code == 404


def test_an_event_page_shows_its_time_in_its_zone_and_the_readers(calendars):
    start = timezone.now().replace(microsecond=0, second=0) + dt.timedelta(days=3)
    event = make_event(
        calendars.kenya, "Forest training", start=start,
        end=start + dt.timedelta(hours=2), time_zone="Africa/Nairobi",
        place="Nairobi; KEFRI",
    )  # fmt: skip
    html = _text(Client().get(event.url))
    local = timezone.localtime(start, event.zone)
    assert f'<time datetime="{local.isoformat()}">' in html
    assert "(Africa/Nairobi)" in html
    assert "In your time zone (UTC)" in html
    assert 'href="/feeds/events/' in html


def test_queryset_scopes(scene, network):
    events = EventPage.objects.published()
    assert set(events.for_country(network.benin)) == {
        scene["secretariat"], scene["benin"], scene["past"],
    }  # fmt: skip
    assert scene["fiji"] not in set(events.for_region(network.africa))
    assert scene["past"] in set(events.past())
    assert scene["past"] not in set(events.upcoming())
    day = scene["fiji"].start
    assert scene["fiji"] in set(events.in_month(day.year, day.month))


def test_the_national_site_starter_registers_the_calendar(network):
    (spec,) = [spec for spec in starter_pages() if spec.key == "events"]
    assert (spec.slug, spec.order) == ("events", 70)
    page = spec.build(network.benin, "fr")
    assert isinstance(page, EventsIndexPage)
    assert page.title == "Événements" or page.title  # catalogues may lag
    network.benin.add_child(instance=page)
    assert page.url == "/africa/benin/events/"


def test_the_demo_is_idempotent(network):
    from ..factories import cooperation_subjects  # noqa: F401

    countries = {"BJ": network.benin, "KE": network.kenya}
    created = seed_events(network.home, countries)
    assert created == 8
    assert seed_events(network.home, countries) == 0
    benin = EventPage.objects.filter(country=network.benin)
    assert benin.upcoming().count() == 2 and benin.past().count() == 1
    network_events = EventPage.objects.network()
    assert network_events.count() == 2
    day = network_events.get(kind=EventKind.INTERNATIONAL_DAY).local_start
    assert (day.month, day.day) == (5, 22)


def test_a_signed_in_member_sees_the_calendar(scene):
    from ..factories import login

    html = _text(login(UserFactory()).get("/events/"))
    assert scene["benin"].title in html


def test_a_tag_page_lists_upcoming_events_with_the_tag(calendars):
    from taggit.models import Tag

    only_events = Tag.objects.create(name="Seagrass", slug="seagrass")
    hidden = Tag.objects.create(name="Secret tag", slug="secret-tag")
    make_event(calendars.kenya, "Seagrass survey", tags=[only_events])
    make_event(calendars.kenya, "Draft survey", tags=[hidden], live=False)
    html = _text(Client().get("/tags/seagrass/"))
    assert "Seagrass survey" in html
    assert 'href="/feeds/events/tags/seagrass.rss"' in html
    assert Client().get("/tags/secret-tag/").status_code == 404
