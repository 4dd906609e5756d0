import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.shared_world]

NEWS = "/api/v2/pages/?type=blog.BlogPostPage"


def titles(response):
    return [item["title"] for item in response.json()["items"]]


def test_news_listing_gives_classification_fields_without_member_emails(
    client, content
):
    response = client.get(
        NEWS + "&country=BJ&fields=tags,subjects,country,region,authors,language"
    )
    assert response.status_code == 200
    items = {item["title"]: item for item in response.json()["items"]}
    first = items["Benin news 0"]
    assert first["tags"] == ["Forest"]
    assert first["subjects"] == ["CBD-SUBJECT-FOR"]
    assert first["country"]["iso_code"] == "BJ"
    assert first["region"]["slug"] == "africa"
    assert first["authors"] == ["Awa Writer"]
    assert "writer@example.org" not in response.content.decode()


def test_unpublished_and_restricted_pages_are_never_served(client, content):
    listed = titles(client.get(NEWS + "&limit=100"))
    assert "Benin draft" not in listed
    assert "Benin secret" not in listed
    assert client.get(f"/api/v2/pages/{content.draft.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{content.secret.pk}/").status_code == 404


def test_a_signed_in_staff_member_still_gets_the_anonymous_view(
    client, content, people
):
    client.force_login(people.staff)
    assert "Benin secret" not in titles(client.get(NEWS + "&limit=100"))


def test_news_filters_by_country_region_tag_subject_language_and_date(client, content):
    assert sorted(titles(client.get(NEWS + "&country=ke"))) == ["Kenya news"]
    assert len(titles(client.get(NEWS + "&region=africa"))) == 4
    assert titles(client.get(NEWS + "&region=asia-pacific")) == []
    assert len(titles(client.get(NEWS + "&tag=forest"))) == 3
    assert len(titles(client.get(NEWS + "&subject=CBD-SUBJECT-FOR"))) == 3
    assert titles(client.get(NEWS + "&language=fr")) == ["Kenya news"]
    today = content.benin_news[0].published_at.date().isoformat()
    assert "Kenya news" not in titles(client.get(NEWS + f"&since={today}"))
    assert titles(client.get(NEWS + "&until=2000-01-01")) == []


def test_toolkits_filter_by_language_and_show_download_counts(client, content):
    response = client.get(
        "/api/v2/pages/?type=toolkits.ToolkitPage&language=fr"
        "&fields=download_count,subjects&locale=en"
    )
    assert titles(response) == ["Toolkit 1"]
    assert response.json()["items"][0]["download_count"] == 0


def test_countries_filter_by_region(client, content):
    response = client.get(
        "/api/v2/pages/?type=community.CountryPage&region=africa&fields=iso_code"
    )
    assert sorted(item["iso_code"] for item in response.json()["items"]) == [
        "BJ",
        "KE",
    ]


def test_pagination_is_stable_and_counts_everything(client, content):
    pages = [
        client.get(NEWS + f"&order=title&limit=2&offset={offset}").json()
        for offset in (0, 2)
    ]
    assert pages[0]["meta"]["total_count"] == 4
    seen = [item["id"] for page in pages for item in page["items"]]
    assert len(seen) == len(set(seen)) == 4


@pytest.mark.parametrize(
    "query",
    [
        "?limit=100000",
        "?offset=-1",
        "?limit=-5",
        "?offset=99999999999999999999999",
        "?limit=abc",
        "?colour=green",
        "?type=blog.Nothing",
        "?country=BJ",
        "?type=blog.BlogPostPage&since=yesterday",
        "?type=blog.BlogPostPage&country=%00",
        "?type=blog.BlogPostPage&fields=email",
        "?order=nonsense",
        "?child_of=99999999999999999999999",
    ],
)
def test_malformed_page_queries_get_a_json_400(client, content, query):
    response = client.get("/api/v2/pages/" + query)
    assert response.status_code == 400, response.content
    assert response.json()["message"]


def test_documents_and_images_endpoints_answer(client, content):
    assert client.get("/api/v2/documents/").json()["meta"]["total_count"] == 0
    assert client.get("/api/v2/images/").status_code == 200


def test_the_api_sets_no_cookie_even_for_a_signed_in_member(client, content, people):
    client.force_login(people.member)
    response = client.get(NEWS)
    assert response.status_code == 200
    assert not response.cookies


def test_a_page_of_news_costs_the_same_queries_whatever_its_length(client, content):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ..factories import news

    for n in range(15):
        news(content.network.kenya, f"More news {n}")
    fields = "&fields=tags,subjects,country,region,authors"
    counts = []
    for limit in (2, 100):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(NEWS + f"&limit={limit}" + fields)
        assert len(response.json()["items"]) == min(limit, 19)
        counts.append(len(queries))
    # At most the two prefetches (subjects, authors) that a short page whose
    # items have no tag or author skips.
    assert counts[1] - counts[0] <= 2
    assert counts[1] <= 20
