"""History and figures: each update keeps every earlier value; the dashboard
and the global target pages count what the rows say, in a number of queries
that does not grow with the number of Parties."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from targets.editing import record_progress
from targets.figures import global_target_figures, network_figures
from targets.models import GlobalTarget, IndicatorValue

from ..factories import CountryPageFactory, login, make_indicator, make_target

pytestmark = pytest.mark.django_db


def test_an_update_keeps_every_earlier_value_and_status(network, people, subjects):
    target = make_target(people.focal_benin, network.benin)
    indicator = make_indicator(people.focal_benin, target)
    steps = [
        (date(2022, 6, 1), "in_progress", Decimal("21.5"), 2022),
        (date(2023, 6, 1), "off_track", Decimal("21.0"), 2023),
        (date(2024, 6, 1), "on_track", Decimal("24.2"), 2024),
    ]
    for day, status, value, year in steps:
        record_progress(
            people.focal_benin,
            target,
            date=day,
            status=status,
            note=f"Report of {year}",
            values={indicator.pk: (value, year)},
        )
    target.refresh_from_db()
    indicator.refresh_from_db()
    assert target.status == "on_track"
    assert (indicator.latest_value, indicator.latest_year) == (Decimal("24.2"), 2024)
    history = list(target.updates.order_by("date"))
    assert [u.status for u in history] == ["in_progress", "off_track", "on_track"]
    assert [u.previous_status for u in history] == [
        "in_progress",
        "in_progress",
        "off_track",
    ]
    assert list(
        IndicatorValue.objects.filter(indicator=indicator)
        .order_by("year")
        .values_list("value", "year")
    ) == [(v, y) for _d, _s, v, y in steps]
    page = login(people.member).get(target.get_absolute_url()).content.decode()
    for text in ("Report of 2022", "Report of 2023", "Report of 2024", "21.5", "24.2"):
        assert text in page


def test_an_older_update_recorded_late_does_not_overwrite_the_current_status(
    network, people, subjects
):
    target = make_target(people.focal_benin, network.benin)
    record_progress(
        people.focal_benin, target, date=date(2024, 1, 1), status="on_track"
    )
    record_progress(
        people.focal_benin, target, date=date(2021, 1, 1), status="not_started"
    )
    target.refresh_from_db()
    assert target.status == "on_track"
    assert target.updates.count() == 2


def _parties(n: int, network, people, statuses, start: int = 0):
    """n more countries in Africa, each with targets under Target 3."""
    for i in range(n):
        k = start + i
        country = CountryPageFactory(
            parent=network.africa,
            title=f"Party {k:03}",
            iso_code=f"{chr(88 + k // 26)}{chr(65 + k % 26)}",
        )
        for status in statuses(i):
            make_target(people.staff, country, status=status, full_targets=[3])


def _figures_queries():
    with CaptureQueriesContext(connection) as queries:
        figures = network_figures()
        target = GlobalTarget.objects.get(number=3)
        global_target_figures(target)
    return len(queries), figures


def test_figures_match_the_rows_with_queries_constant_in_the_number_of_parties(
    client, network, people, subjects
):
    # Benin: on track and achieved -> on track; Kenya: one off track -> not.
    make_target(people.focal_benin, network.benin, status="on_track")
    make_target(people.focal_benin, network.benin, status="achieved")
    make_target(people.focal_kenya, network.kenya, status="on_track")
    make_target(people.focal_kenya, network.kenya, status="off_track")
    make_target(people.focal_kenya, network.kenya, full_targets=[6], status="achieved")
    make_target(
        people.focal_benin, network.benin, published=False, status="on_track",
        full_targets=[6],
    )  # fmt: skip
    few, figures = _figures_queries()
    by_number = {f.target.number: f for f in figures}
    assert (by_number[3].parties, by_number[3].on_track) == (2, 1)
    assert (by_number[6].parties, by_number[6].on_track) == (1, 1)
    assert by_number[1].parties == 0

    detail = global_target_figures(GlobalTarget.objects.get(number=3))
    assert {p.country.iso_code: p.status for p in detail.parties} == {
        "BJ": "on_track",
        "KE": "off_track",
    }
    assert {v: n for v, _label, n in detail.distribution}["off_track"] == 1

    _parties(3, network, people, lambda i: ["on_track"])
    three, _ = _figures_queries()
    pages_few = _page_queries(client)
    _parties(27, network, people, lambda i: ["on_track", "in_progress"][: 1 + i % 2], 3)
    thirty, figures = _figures_queries()
    by_number = {f.target.number: f for f in figures}
    assert by_number[3].parties == 32
    # 3 of the first batch + the 14 of the 27 with one on-track target only.
    assert by_number[3].on_track == 1 + 3 + 14
    assert few == three == thirty
    assert _page_queries(client) == pages_few


def _page_queries(client) -> tuple[int, int]:
    counts = []
    for address in ("/gbf/targets/3/", "/network/", "/gbf/"):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(address).status_code == 200
        counts.append(len(queries))
    return tuple(counts)


def test_the_dashboard_and_the_global_target_page_show_the_figures(
    client, network, people, subjects
):
    make_target(people.focal_benin, network.benin, status="on_track")
    make_target(people.focal_kenya, network.kenya, status="off_track")
    dashboard = client.get("/network/").content.decode()
    assert "National targets for the Global Biodiversity Framework" in dashboard
    page = client.get("/gbf/targets/3/").content.decode()
    assert 'class="fill-status-on_track"' in page
    assert 'class="fill-status-off_track"' in page
    assert "2 Parties have mapped a national target here" in page
    filtered = client.get("/gbf/targets/3/?status=off_track").content.decode()
    assert "Kenya" in filtered and "/targets/bj/" not in filtered
    assert client.get("/gbf/targets/3/?region=nowhere").status_code == 400
