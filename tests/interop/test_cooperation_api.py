"""Cooperation requests, offers and case-study records in the read API: what
an anonymous visitor sees on the HTML pages, filtered the same way."""

import json

import pytest
from django.core.management import call_command

from cooperation.records import case_study_record

pytestmark = [pytest.mark.django_db, pytest.mark.shared_world]

REQUESTS = "/api/v2/cooperation/requests/"
OFFERS = "/api/v2/cooperation/offers/"


def titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]


def test_the_request_list_shows_every_request_newest_first_with_its_status(
    client, content, cooperation_data
):
    listing = client.get(REQUESTS).json()
    assert listing["meta"]["total_count"] == 3
    assert [(i["title"], i["status"]) for i in listing["items"]] == [
        ("Withdrawn need", "withdrawn"),
        ("Seed bank training", "open"),
        ("Jacinthe d’eau au Bénin", "closed"),
    ]


def test_a_request_carries_what_the_page_shows_but_never_the_contact_email(
    client, content, cooperation_data
):
    coop = content.coop.closed
    response = client.get(f"{REQUESTS}{coop.pk}/")
    assert response.status_code == 200
    assert "aicha.private@example.org" not in response.content.decode()
    data = response.json()
    assert "contact_email" not in data
    assert data["contact_name"] == "Aïcha Dossou"
    assert data["country"] == {"iso_code": "BJ", "title": "Benin"}
    assert data["subjects"] == [
        {"code": "CBD-SUBJECT-FOR", "slug": "forest", "name": "Forest"}
    ]
    assert data["assistance_types"] == ["technical"]
    assert data["languages"] == ["fr"]
    assert data["selected_offer"] == content.coop.offer.pk
    assert data["outcome"] == "Carte livrée ; 40 % du fleuve dégagé."
    assert data["closed_at"]
    assert data["html_url"].endswith(f"/cooperation/requests/{coop.pk}/")
    assert response["Last-Modified"]


def test_the_outcome_of_a_request_still_running_is_empty(
    client, content, cooperation_data
):
    data = client.get(f"{REQUESTS}{content.coop.open.pk}/").json()
    assert data["outcome"] == "" and data["closed_at"] is None


def test_the_request_filters_are_those_of_the_html_list(
    client, content, cooperation_data
):
    assert titles(client.get(REQUESTS, {"status": "open"})) == ["Seed bank training"]
    assert titles(client.get(REQUESTS, {"subject": "forest"})) == [
        "Withdrawn need",
        "Jacinthe d’eau au Bénin",
    ]
    assert titles(client.get(REQUESTS, {"type": "training"})) == ["Seed bank training"]
    assert titles(client.get(REQUESTS, {"language": "en"})) == ["Seed bank training"]
    assert len(titles(client.get(REQUESTS, {"region": "africa"}))) == 3
    assert titles(client.get(REQUESTS, {"region": "asia-pacific"})) == []
    html = client.get("/cooperation/", {"language": "en"})
    assert "Seed bank training" in html.content.decode()
    assert "Withdrawn need" not in html.content.decode()


def test_requests_come_in_pages(client, content, cooperation_data):
    first = client.get(REQUESTS, {"limit": 2}).json()
    second = client.get(REQUESTS, {"limit": 2, "offset": 2}).json()
    assert first["meta"]["total_count"] == second["meta"]["total_count"] == 3
    assert len(first["items"]) == 2 and len(second["items"]) == 1
    assert {i["id"] for i in first["items"]}.isdisjoint(
        {i["id"] for i in second["items"]}
    )


@pytest.mark.parametrize(
    "query",
    [
        {"status": "secret"},
        {"type": "bribes"},
        {"language": "xx"},
        {"subject": "no-such-subject"},
        {"region": "atlantis"},
        {"limit": "-1"},
        {"offset": "abc"},
        {"colour": "red"},
    ],
)
def test_a_bad_filter_is_a_json_400_that_names_it(
    client, content, cooperation_data, query
):
    for url in (REQUESTS, OFFERS):
        response = client.get(url, query)
        assert response.status_code == 400, (url, query)
        assert response["Content-Type"] == "application/json"
        assert next(iter(query)) in response.json()["message"]


def test_unknown_or_malformed_ids_are_json_404s(client, content, cooperation_data):
    for url in (f"{REQUESTS}999999/", f"{OFFERS}999999/", f"{REQUESTS}abc/"):
        response = client.get(url)
        assert response.status_code == 404
        assert response.json()["message"]


def test_only_available_offers_are_served(client, content, cooperation_data):
    assert titles(client.get(OFFERS)) == ["Cartographie des mangroves"]
    assert client.get(f"{OFFERS}{content.coop.gone.pk}/").status_code == 404
    assert client.get(f"/cooperation/offers/{content.coop.gone.pk}/").status_code == (
        404
    )
    # The status filter belongs to requests; offers refuse it.
    assert client.get(OFFERS, {"status": "open"}).status_code == 400


def test_a_request_whose_chosen_offer_was_withdrawn_no_longer_points_to_it(
    client, content, cooperation_data
):
    from cooperation.offering import set_available

    set_available(content.coop.expert, content.coop.offer, False)
    data = client.get(f"{REQUESTS}{content.coop.closed.pk}/").json()
    assert data["selected_offer"] is None


def test_an_offer_carries_its_provider_coverage_and_languages(
    client, content, cooperation_data
):
    data = client.get(f"{OFFERS}{content.coop.offer.pk}/").json()
    assert data["provider"] == "Kofi Expert"
    assert data["provider_kind"] == "member"
    assert data["regions"] == [{"slug": "africa", "title": "Africa"}]
    assert data["languages"] == ["fr", "en"]
    assert data["assistance_types"] == ["technical", "training"]
    assert "@" not in json.dumps(data)


def test_the_offer_filters_are_those_of_the_html_list(
    client, content, cooperation_data
):
    assert titles(client.get(OFFERS, {"type": "training"})) == [
        "Cartographie des mangroves"
    ]
    assert titles(client.get(OFFERS, {"type": "funding"})) == []
    assert titles(client.get(OFFERS, {"language": "en"})) == [
        "Cartographie des mangroves"
    ]
    assert titles(client.get(OFFERS, {"language": "ar"})) == []
    assert titles(client.get(OFFERS, {"region": "africa"})) == [
        "Cartographie des mangroves"
    ]
    assert titles(client.get(OFFERS, {"region": "asia-pacific"})) == []
    assert titles(client.get(OFFERS, {"subject": "forest"})) == [
        "Cartographie des mangroves"
    ]


def test_closed_requests_are_case_study_records_in_the_language_they_were_written(
    client, content, cooperation_data
):
    coop = content.coop.closed
    listing = client.get("/api/v2/records/case-study/").json()
    assert listing["meta"]["total_count"] == 1
    record = client.get(f"/api/v2/records/case-study/{coop.pk}/").json()
    assert record == listing["items"][0]
    assert record["header"]["identifier"] == f"chm-commons:case-study:{coop.pk}"
    assert record["header"]["languages"] == ["fr"]
    assert record["title"] == {"fr": "Jacinthe d’eau au Bénin"}
    assert record["outcome"] == {"fr": "Carte livrée ; 40 % du fleuve dégagé."}
    assert record["lessonsLearned"] == {"fr": "Former les équipes locales d’abord."}
    assert record["subjects"] == [{"identifier": "CBD-SUBJECT-FOR"}]
    assert record["country"] == {"identifier": "bj"}
    assert record["provider"] == {"name": "Kofi Expert", "country": None}
    assert "aicha.private@example.org" not in json.dumps(record)


def test_open_and_withdrawn_requests_are_not_case_studies(
    client, content, cooperation_data
):
    for coop in (content.coop.open, content.coop.withdrawn):
        response = client.get(f"/api/v2/records/case-study/{coop.pk}/")
        assert response.status_code == 404
    assert client.get("/api/v2/records/case-study/abc/").status_code == 404


def test_the_bulk_export_round_trips_the_case_study_multilingual_fields(
    content, cooperation_data, tmp_path
):
    call_command("export_cbd_records", str(tmp_path), schemas=["case-study"])
    coop = content.coop.closed
    written = (tmp_path / "case-study" / f"{coop.pk}.json").read_text("utf-8")
    record = json.loads(written)
    assert record == json.loads(json.dumps(case_study_record(coop)))
    assert record["title"]["fr"] == "Jacinthe d’eau au Bénin"
    assert record["summary"]["fr"] == coop.problem
    assert len(list((tmp_path / "case-study").glob("*.json"))) == 1


def test_the_openapi_document_lists_case_studies_and_the_cooperation_paths(
    client, content, cooperation_data
):
    spec = client.get("/api/openapi.json").json()
    kinds = spec["paths"]["/api/v2/records/{schema}/"]["get"]["parameters"][-1]
    assert "case-study" in kinds["schema"]["enum"]
    for path in (REQUESTS, f"{REQUESTS}{{id}}/", OFFERS, f"{OFFERS}{{id}}/"):
        assert path in spec["paths"]


def test_the_api_page_shows_cooperation_examples_and_the_case_study_kind(
    client, content, cooperation_data
):
    page = client.get("/api/docs/").content.decode()
    assert "/api/v2/cooperation/requests/?status=open" in page
    assert "/api/v2/cooperation/offers/?subject=forest" in page
    assert "<code>case-study</code>" in page


def test_a_page_of_requests_or_offers_costs_the_same_queries_whatever_its_length(
    client, content, cooperation_data, django_assert_max_num_queries
):
    from cooperation.offering import OfferDraft, create_offer

    for n in range(12):
        create_offer(
            cooperation_data.expert,
            OfferDraft(
                title=f"Offer {n}",
                description="Help.",
                assistance_types=["expertise"],
                subjects=list(content.coop.offer.subjects.all()),
                languages=["fr"],
                regions=[content.network.africa, content.network.asia],
            ),
        )
    for url in (REQUESTS, OFFERS):
        with django_assert_max_num_queries(8):
            response = client.get(url, {"limit": 100, "language": "fr"})
        assert response.status_code == 200
    assert client.get(OFFERS).json()["meta"]["total_count"] == 13
