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
from home.network_health import CountryHealth, RegionHealth, network_health

from ..blog.conftest import make_post
from ..factories import UserFactory
from ..forum.conftest import forums, make_topic  # noqa: F401


@pytest.fixture
def activity(network, people, forums):  # noqa: F811
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


def test_dashboard_shows_region_totals_and_quiet_countries(client, activity):
    response = client.get("/network/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Last 90 days: 2 news items, 1 topic, 3 replies, 0 toolkits" in html
    africa = network_health().region("africa")
    asia = network_health().region("asia-pacific")
    assert [c.iso for c in africa.most_active] == ["KE"]
    assert [c.iso for c in africa.least_active] == ["BJ"]
    assert africa.quiet == []
    assert [c.iso for c in asia.quiet] == ["FJ"]
    assert "No country went quiet." in html
    assert '<ul class="quiet-countries"><li><a href="/asia-pacific/fiji/">Fiji' in html


def test_dashboard_draws_the_map_and_charts_as_svg_and_switches_colouring(
    client, activity
):
    html = client.get("/network/").content.decode()
    assert '<li class="tile level-3">' in html  # Benin by capacity
    assert html.count("<svg") == 2 and "<polyline" in html
    html = client.get("/network/?colour=activity").content.decode()
    assert '<li class="tile activity-0">' in html  # Fiji is quiet
    assert '<li class="tile activity-2">' in html  # Kenya: 4 contributions


def test_csv_export_matches_the_page(client, activity):
    response = client.get("/network/network.csv")
    assert response["Content-Type"].startswith("text/csv")
    benin = row(response, "BJ")
    assert benin["news"] == "2" and benin["feed_status"] == "error"
    assert row(response, "FJ")["quiet"] == "True"
    html = client.get("/network/").content.decode()
    kenya = row(response, "KE")
    assert (
        f"<td>{kenya['news']}</td>\n                <td>{kenya['topics']}</td>\n"
        f"                <td>{kenya['replies']}</td>" in html
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
        ("/network/?colour=rainbow", "Unknown colouring"),
        ("/network/?region=atlantis", "Unknown region"),
        ("/network/?sort=size", "Unknown parameter: sort"),
        ("/network/network.csv?region=atlantis", "Unknown region"),
        ("/network/network.json?format=xml", "Unknown parameter: format"),
    ],
)
def test_unknown_filters_get_a_clear_400(client, activity, url, error):
    response = client.get(url)
    assert response.status_code == 400
    assert error in response.content.decode()


def test_the_forms_empty_choices_mean_everything(client, activity):
    response = client.get("/network/?colour=&region=")
    assert response.status_code == 200
    assert len(response.context["regions"]) == 2


def test_other_export_formats_are_not_found(client, activity):
    assert client.get("/network/network.xml").status_code == 404


def test_dashboard_figures_are_cached(client, activity, django_assert_num_queries):
    network_health()
    with django_assert_num_queries(0):
        network_health()


def test_country_page_shows_its_health_summary(client, activity):
    from home.network_health import country_health

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
    forums,  # noqa: F811
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


def region_of(activities: list[int]) -> RegionHealth:
    countries = [
        CountryHealth(
            id=n,
            iso=f"C{n}",
            title=f"Country {n:02}",
            slug=f"c{n}",
            url=f"/c{n}/",
            region_slug="asia-pacific",
            capacity_level=1,
            has_focal_point=False,
            has_website=False,
            feed_status="none",
            news=activity,
        )
        for n, activity in enumerate(activities)
    ]
    return RegionHealth("asia-pacific", "Asia", "/asia-pacific/", countries)


@pytest.mark.parametrize("active", [2, 3, 5, 7, 9, 10, 12, 40])
def test_most_and_least_active_never_name_the_same_country(active):
    region = region_of([n + 1 for n in range(active)] + [0, 0])
    most = [c.iso for c in region.most_active]
    least = [c.iso for c in region.least_active]
    assert most and least
    assert not set(most) & set(least)
    assert len(most) <= 5 and len(least) <= 5
    assert min(c.activity for c in region.most_active) > max(
        c.activity for c in region.least_active
    )
    assert region.least_active[0].activity == 1  # least active first
    assert region.can_rank


def test_five_active_countries_are_shared_out_between_the_two_lists():
    region = region_of([5, 4, 3, 2, 1])
    assert [c.activity for c in region.most_active] == [5, 4, 3]
    assert [c.activity for c in region.least_active] == [1, 2]
    assert region.lists_are_short


def test_a_large_region_ranks_five_at_each_end():
    region = region_of(list(range(1, 21)))
    assert [c.activity for c in region.most_active] == [20, 19, 18, 17, 16]
    assert [c.activity for c in region.least_active] == [1, 2, 3, 4, 5]
    assert not region.lists_are_short


@pytest.mark.parametrize("activities", [[], [0, 0], [3, 0]])
def test_a_region_with_fewer_than_two_active_countries_is_not_ranked(activities):
    region = region_of(activities)
    assert not region.can_rank
    assert region.least_active == []


def test_dashboard_says_when_a_region_has_too_few_countries_to_rank(client, activity):
    html = client.get("/network/").content.decode()
    africa, asia = html.split('id="region-asia-pacific"')
    assert '<ol class="most-active"><li><a href="/africa/kenya/">Kenya' in africa
    assert '<ol class="least-active"><li><a href="/africa/benin/">Benin' in africa
    assert "Only 2 countries were active, so the two lists share them out" in africa
    assert "Only 0 countries were active in the last 90 days: too few to rank." in asia
    assert '<ol class="least-active">' not in asia
