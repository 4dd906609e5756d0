"""Feeds of new requests and offers (all, per subject, per region), lists
filtered by status, subject, region, type and language, pages whose query
count does not grow with data."""

import feedparser
import pytest

from cooperation.follow_up import change_status

from ..factories import make_offer, make_request, provider

pytestmark = pytest.mark.django_db


def titles(response, version: str, content_type: str) -> list[str]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == version
    assert parsed.feed.title and parsed.feed.link
    for entry in parsed.entries:
        assert entry.link.startswith("http://testserver/")
        assert entry.id and (entry.published_parsed or entry.updated_parsed)
    return [entry.title for entry in parsed.entries]


def rss_titles(response) -> list[str]:
    return titles(response, "rss20", "application/rss+xml")


def atom_titles(response) -> list[str]:
    return titles(response, "atom10", "application/atom+xml")


@pytest.fixture
def requests(network, people, subjects):
    benin = make_request(
        people.focal_benin,
        network.benin,
        [subjects.forest],
        title="Forest <maps>",
        problem="Trees & rivers <script>alert(1)</script>",
    )
    fiji = make_request(
        people.staff,
        network.fiji,
        [subjects.marine],
        title="Reef survey",
        languages=["en"],
        assistance_types=["training"],
    )
    return benin, fiji


def test_request_feeds_are_valid_rss_and_atom_for_all_subjects_and_regions(
    client, requests, subjects
):
    assert rss_titles(client.get("/feeds/cooperation/requests.rss")) == [
        "Fiji: Reef survey",
        "Benin: Forest <maps>",
    ]
    assert atom_titles(client.get("/feeds/cooperation/requests.atom")) == [
        "Fiji: Reef survey",
        "Benin: Forest <maps>",
    ]
    by_subject = client.get("/feeds/cooperation/requests/subjects/forest.rss")
    assert rss_titles(by_subject) == ["Benin: Forest <maps>"]
    by_region = client.get("/feeds/cooperation/requests/regions/asia-pacific.atom")
    assert atom_titles(by_region) == ["Fiji: Reef survey"]
    # Members' text is escaped, never markup.
    assert b"<script>" not in client.get("/feeds/cooperation/requests.rss").content


def test_offer_feeds_follow_subject_and_coverage(client, network, subjects):
    africa = make_offer(provider(network.kenya), [subjects.forest], title="Africa")
    africa.regions.set([network.africa])
    make_offer(provider(network.kenya), [subjects.marine], title="Everywhere")
    assert rss_titles(client.get("/feeds/cooperation/offers.rss")) == [
        "Everywhere",
        "Africa",
    ]
    assert atom_titles(
        client.get("/feeds/cooperation/offers/subjects/marine-and-coastal.atom")
    ) == ["Everywhere"]
    assert rss_titles(
        client.get("/feeds/cooperation/offers/regions/asia-pacific.rss")
    ) == ["Everywhere"]


def test_list_pages_advertise_their_feeds(client, db):
    page = client.get("/cooperation/").content.decode()
    assert 'type="application/rss+xml"' in page
    assert "/feeds/cooperation/requests.atom" in page
    assert (
        "/feeds/cooperation/offers.rss"
        in client.get("/cooperation/offers/").content.decode()
    )
    assert (
        "/feeds/cooperation/case-studies.rss"
        in client.get("/cooperation/case-studies/").content.decode()
    )


@pytest.mark.parametrize(
    "query,shown",
    [
        ("", {"Forest &lt;maps&gt;", "Reef survey"}),
        ("subject=forest", {"Forest &lt;maps&gt;"}),
        ("region=asia-pacific", {"Reef survey"}),
        ("type=training", {"Reef survey"}),
        ("language=fr", {"Forest &lt;maps&gt;"}),
        ("status=discussion", {"Reef survey"}),
        ("status=open&region=africa", {"Forest &lt;maps&gt;"}),
    ],
)
def test_the_request_list_filters(client, people, requests, query, shown):
    change_status(people.staff, requests[1], "discussion")
    page = client.get(f"/cooperation/?{query}").content.decode()
    for title in {"Forest &lt;maps&gt;", "Reef survey"}:
        assert (title in page) is (title in shown), title


def test_the_offer_list_filters_by_language_and_type(client, network, subjects):
    make_offer(provider(network.kenya), [subjects.forest], title="French help")
    make_offer(
        provider(network.kenya),
        [subjects.forest],
        title="English training",
        languages=["en"],
        assistance_types=["training"],
    )
    page = client.get("/cooperation/offers/?language=en").content.decode()
    assert "English training" in page and "French help" not in page
    page = client.get("/cooperation/offers/?type=technical").content.decode()
    assert "French help" in page and "English training" not in page


def test_lists_and_a_request_page_keep_a_fixed_query_count(
    client, network, people, subjects, django_assert_max_num_queries
):
    def grow(n):
        for i in range(n):
            helper = provider(network.kenya, languages=["fr"])
            helper.expertise.add(subjects.forest.tag)
            make_offer(helper, [subjects.forest, subjects.ias], title=f"Offer {i}")
            make_request(
                people.staff, network.benin, [subjects.forest], title=f"Request {i}"
            )

    grow(3)
    coop = make_request(people.focal_benin, network.benin, [subjects.forest])
    client.force_login(people.focal_benin)
    budgets = {}
    for url in ("/cooperation/", "/cooperation/offers/", coop.get_absolute_url()):
        with django_assert_max_num_queries(100) as captured:
            assert client.get(url).status_code == 200
        budgets[url] = len(captured)
    grow(12)
    for url, queries in budgets.items():
        with django_assert_max_num_queries(queries):
            assert client.get(url).status_code == 200


def test_the_next_page_keeps_the_filters(client, network, people, subjects):
    for n in range(21):
        make_request(people.staff, network.benin, [subjects.forest], title=f"R{n}")
    page = client.get("/cooperation/?language=fr&subject=forest").content.decode()
    assert 'href="?page=2&amp;language=fr&amp;subject=forest"' in page
    second = client.get("/cooperation/?page=2&language=fr&subject=forest")
    assert "R0" in second.content.decode()
