import csv
import io
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from blog.models import FeedHarvest
from community.models import CountryPage
from network.charts import nice_ticks
from network.network_health import (
    CountryHealth,
    NetworkHealth,
    RegionHealth,
    network_health,
)

from ..factories import UserFactory, make_post, make_topic


@pytest.fixture
def activity(network, people, forums):
    """Benin publishes news, Kenya discusses, Fiji says nothing."""
    now = timezone.now()
    make_post(network.benin, 1, author=people.focal_benin, published_at=now)
    make_post(network.benin, 2, published_at=now - timedelta(days=10))
    make_post(network.benin, 3, published_at=now - timedelta(days=200))
    kenyan = UserFactory(username="kenyan", country=network.kenya)
    make_topic(forums.public, kenyan, replies=3)
    CountryPage.objects.filter(pk=network.benin.pk).update(
        feed_url="https://bj.example/rss"
    )
    FeedHarvest.objects.create(
        country=network.benin, feed_url="https://bj.example/rss", status="error"
    )
    cache.clear()
    return network


def row(response, iso):
    for line in csv.DictReader(io.StringIO(response.content.decode())):
        if line["iso"] == iso:
            return line
    raise AssertionError(iso)


def test_dashboard_counts_activity_per_country_over_the_last_90_days(client, activity):
    health = network_health()
    benin = health.country("BJ")
    kenya = health.country("KE")
    fiji = health.country("FJ")
    assert (benin.news, benin.topics, benin.replies, benin.active_members) == (
        2,
        0,
        0,
        1,
    )
    assert (kenya.news, kenya.topics, kenya.replies, kenya.active_members) == (
        0,
        1,
        3,
        1,
    )
    assert fiji.is_quiet and not benin.is_quiet
    assert benin.has_focal_point and not fiji.has_focal_point
    assert benin.feed_status == "error" and fiji.feed_status == "none"


def test_dashboard_shows_region_totals_and_network_wide_rankings(client, activity):
    response = client.get("/network/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Last 90 days: 2 news items, 1 topic, 3 replies, 0 toolkits" in html
    health = network_health()
    assert [c.iso for c in health.most_active.listed] == ["KE", "BJ"]
    assert [c.iso for c in health.least_active.listed] == ["FJ"]
    most, least = html.split('id="least-heading"')
    assert '<a href="/africa/kenya/">Kenya</a>' in most.split('id="most-heading"')[1]
    assert '<a href="/asia-pacific/fiji/">Fiji</a>' in least.split("</section>")[0]


def test_dashboard_draws_the_map_and_charts_as_svg_and_switches_colouring(
    client, activity
):
    html = client.get("/network/").content.decode()
    benin = '<a href="/africa/benin/" class="fill-level-3"'
    assert (
        benin in html
        and 'aria-label="Benin: capacity level 3, 2 contributions"' in html
    )
    assert html.count("<svg") == 3 and "<polyline" in html
    assert '<a id="map-tab-capacity" href="?#map-panel" aria-current="page">' in html
    html = client.get("/network/?map=activity").content.decode()
    assert '<a href="/asia-pacific/fiji/" class="fill-activity-0"' in html  # quiet
    assert '<a href="/africa/kenya/" class="fill-activity-2"' in html  # 4
    assert "Parties by activity" in html
    assert 'href="?map=activity#map-panel" aria-current="page"' in html
    # The former parameter's links still work.
    assert (
        'class="fill-activity-0"'
        in client.get("/network/?colour=activity").content.decode()
    )


def test_csv_export_matches_the_page(client, activity):
    response = client.get("/network/network.csv")
    assert response["Content-Type"].startswith("text/csv")
    benin = row(response, "BJ")
    assert benin["news"] == "2" and benin["feed_status"] == "error"
    assert row(response, "FJ")["quiet"] == "True"
    html = client.get("/network/").content.decode()
    kenya = row(response, "KE")
    cells = html.split('id="country-ke"')[1].split("</tr>")[0]
    figures = [kenya[k] for k in ("activity", "news", "topics", "replies")]
    assert "".join(f'<td class="num">{n}</td>' for n in figures) in "".join(
        line.strip() for line in cells.splitlines()
    )


def test_json_export_matches_the_csv_and_can_be_narrowed_to_a_region(client, activity):
    data = client.get("/network/network.json").json()
    assert data["window_days"] == 90
    assert data["capacity_distribution"] == [0, 1, 0, 1, 1, 0]
    africa = next(r for r in data["regions"] if r["slug"] == "africa")
    assert africa["totals"]["replies"] == 3
    assert sum(africa["timeline"]) == 3 + 1 + 3  # three news within a year
    csv_rows = list(
        csv.DictReader(io.StringIO(client.get("/network/network.csv").content.decode()))
    )
    json_rows = [c for r in data["regions"] for c in r["countries"]]
    assert [r["iso"] for r in csv_rows] == [r["iso"] for r in json_rows]
    assert [int(r["activity"]) for r in csv_rows] == [r["activity"] for r in json_rows]
    narrowed = client.get("/network/network.json?region=asia-pacific").json()
    assert [r["slug"] for r in narrowed["regions"]] == ["asia-pacific"]


@pytest.mark.parametrize(
    "url,error",
    [
        ("/network/?colour=rainbow", "Unknown map"),
        ("/network/?map=rainbow", "Unknown map"),
        ("/network/?region=atlantis", "Unknown region"),
        ("/network/?sort=size", "Unknown sort"),
        ("/network/?dir=up", "Unknown direction"),
        ("/network/?level=9", "Unknown capacity level"),
        ("/network/?page=-1", "Unknown page"),
        ("/network/?show=some", "show=all"),
        ("/network/?size=big", "Unknown parameter: size"),
        ("/network/network.csv?region=atlantis", "Unknown region"),
        ("/network/network.json?format=xml", "Unknown parameter: format"),
    ],
)
def test_unknown_filters_get_a_clear_400(client, activity, url, error):
    response = client.get(url)
    assert response.status_code == 400
    assert error in response.content.decode()


def test_the_forms_empty_choices_mean_everything(client, activity):
    response = client.get("/network/?map=&region=&level=&q=&sort=&dir=&page=")
    assert response.status_code == 200
    assert response.context["table"].total == 3


def test_other_export_formats_are_not_found(client, activity):
    assert client.get("/network/network.xml").status_code == 404


def test_dashboard_figures_are_cached(client, activity, django_assert_num_queries):
    network_health()
    with django_assert_num_queries(0):
        network_health()


def test_country_page_shows_its_health_summary(client, activity):
    from network.network_health import country_health

    for country in (activity.benin, activity.kenya, activity.fiji):
        summary = country_health(country)
        assert summary == network_health().country(country.iso_code)
    cache.clear()
    html = client.get("/africa/benin/").content.decode()
    assert "Network health" in html
    assert "Last 90 days: 2 news items, 0 topics, 0 replies, 0 toolkits" in html
    assert "failing" in html
    html = client.get("/asia-pacific/fiji/").content.decode()
    assert "Nothing was published from this country in the last 90 days." in html


def _dashboard_queries(client) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/network/").status_code == 200
    return len(queries)


def test_dashboard_query_count_is_the_same_with_10_or_1000_posts(
    client,
    network,
    forums,
):
    members = [
        UserFactory(country=country)
        for country in (network.benin, network.kenya, network.fiji)
    ]
    for member in members:
        make_topic(forums.public, member, replies=2)
    few = _dashboard_queries(client)
    for n, member in enumerate(members * 3):
        make_topic(forums.public, member, replies=110, title=f"Long {n}")
    many = _dashboard_queries(client)
    assert few == many
    assert many <= 20


def test_dashboard_stays_within_its_query_budget(
    client,
    activity,
    django_assert_max_num_queries,
):
    cache.clear()
    with django_assert_max_num_queries(20):
        assert client.get("/network/?map=activity&sort=activity").status_code == 200
    # Figures and page come from the cache until content changes.
    with django_assert_max_num_queries(3):
        assert client.get("/network/?map=activity&sort=activity").status_code == 200


def test_a_write_shows_on_the_next_request(
    client, activity, settings, django_capture_on_commit_callbacks
):
    settings.CHM_PAGE_CACHE_SECONDS = 300  # the anonymous page cache too
    before = client.get("/network/?q=Fiji").content.decode()
    assert '<span class="badge fill-level-1">1</span>' in before
    assert client.get("/network/?q=Fiji")["X-Page-Cache"] == "hit"
    fiji = CountryPage.objects.get(pk=activity.fiji.pk)
    fiji.capacity_level = 5
    with django_capture_on_commit_callbacks(execute=True):
        fiji.save_revision().publish()
    after = client.get("/network/?q=Fiji").content.decode()
    assert '<span class="badge fill-level-5">5</span>' in after


# Most and least active, over the whole network -------------------------------


def network_of(activities: list[int]) -> NetworkHealth:
    countries = [
        CountryHealth(
            id=n,
            iso=f"C{n}",
            title=f"Country {n:03}",
            slug=f"c{n}",
            url=f"/c{n}/",
            region_slug="asia-pacific" if n % 2 else "africa",
            capacity_level=1,
            has_focal_point=False,
            has_website=False,
            feed_status="none",
            news=activity,
        )
        for n, activity in enumerate(activities)
    ]
    regions = [
        RegionHealth("africa", "Africa", "/africa/", countries[::2]),
        RegionHealth("asia-pacific", "Asia", "/asia-pacific/", countries[1::2]),
    ]
    now = timezone.now()
    return NetworkHealth(now, now, [], regions)


def test_rankings_cover_every_region_not_the_same_five():
    # The busiest countries are spread over both regions.
    health = network_of([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])
    most = [c.activity for c in health.most_active.listed]
    least = [c.activity for c in health.least_active.listed]
    assert most == [10, 9, 8, 7, 6] and least == [1, 2, 3, 4, 5]
    assert {c.region_slug for c in health.most_active.listed} == {
        "africa",
        "asia-pacific",
    }


@pytest.mark.parametrize("active", [0, 1, 2, 3, 5, 7, 9, 10, 12, 40])
def test_most_and_least_active_never_name_the_same_country(active):
    health = network_of([n + 1 for n in range(active)] + [0, 0])
    most, least = health.most_active, health.least_active
    assert not most.ids & least.ids
    assert len(most.listed) <= 5 and len(least.listed) <= 5
    if most.listed and least.listed:
        assert min(c.activity for c in most.listed) >= max(
            c.activity for c in least.listed
        )
    # The quiet countries are the least active.
    assert least.groups[0].activity == 0


def test_a_tie_is_never_split_between_listed_and_left_out():
    health = network_of([9, 5, 5, 5, 5, 5, 5, 1, 0])
    most = health.most_active
    # Six countries tie for second place: too many for the four places left,
    # so the list stops after the first rather than naming four of six.
    assert [c.activity for c in most.listed] == [9]
    least = health.least_active
    assert [c.activity for c in least.listed] == [0, 1]
    assert not least.ids & most.ids


def test_many_quiet_countries_are_counted_and_the_list_goes_on():
    health = network_of([0] * 150 + [1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    least = health.least_active
    quiet = least.groups[0]
    assert (quiet.listed, quiet.activity, len(quiet.countries)) == (False, 0, 150)
    assert [c.activity for c in least.listed] == [1, 1, 2, 3, 4]
    assert [c.activity for c in health.most_active.listed] == [10, 9, 8, 7, 6]


def test_the_page_counts_a_large_quiet_group_and_links_to_the_table(client):
    from network.views import render

    health = network_of([0] * 30 + [1, 2])
    html = render(
        None,
        "network/includes/ranking.html",
        {"ranking": health.least_active, "dir": "asc", "window_days": 90},
    ).content.decode()
    assert "30 Parties with no contribution" in html
    assert 'href="?sort=activity&amp;dir=asc#parties"' in html


def test_an_all_quiet_network_names_no_most_active(client):
    health = network_of([0, 0, 0])
    assert not health.most_active
    assert [c.activity for c in health.least_active.listed] == [0, 0, 0]


# Charts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "top,ticks",
    [
        (0, [0, 1]),
        (1, [0, 1]),
        (3, [0, 1, 2, 3]),
        (7, [0, 2, 4, 6, 8]),
        (15, [0, 5, 10, 15]),
        (16, [0, 5, 10, 15, 20]),
        (40, [0, 10, 20, 30, 40]),
        (101, [0, 50, 100, 150]),
    ],
)
def test_chart_axes_have_round_ticks(top, ticks):
    assert nice_ticks(top) == ticks


def test_the_monthly_chart_has_ticks_between_zero_and_the_top(client, activity):
    chart = client.get("/network/").context["timeline_chart"]
    labels = [tick.label for tick in chart["y_ticks"]]
    assert len(labels) >= 3 and labels[0] == "0"
    assert int(labels[-1]) >= max(v for s in chart["series"] for v in s.values)


@pytest.mark.parametrize(
    "language,january,june",
    # Django's month abbreviations ("N"): in French "M" would give "Jui" for
    # both June and July.
    [("en", "Jan.", "June"), ("fr", "jan.", "juin"), ("ar", "يناير", "يونيو")],
)
def test_chart_months_are_in_the_readers_language(
    client, activity, language, january, june
):
    prefix = "" if language == "en" else f"/{language}"
    response = client.get(f"{prefix}/network/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    labels = [tick["label"] for tick in response.context["timeline_chart"]["x_ticks"]]
    months = response.context["health"].months
    assert len(labels) == 12
    for month, label in zip(months, labels, strict=True):
        if month.month == 1:
            assert label == january
        if month.month == 6:
            assert label == june
    html = response.content.decode()
    assert f">{june}</text>" in html
