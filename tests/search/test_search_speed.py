"""What keeps the search page fast on a large site: a fixed number of queries
and a bounded candidate set per kind, with counts that say when they are a floor.

The bound (`CAP`, 200 in production) is lowered here so a handful of items
exceeds it; the code path is the same."""

import pytest
from django.utils.html import strip_tags

from ..factories import add_post, make_post, make_toolkit, make_topic

# Session and user, candidates, one query per kind plus one per multi-valued
# facet (tags, toolkit languages), the facet labels, and the rows shown
# (eight kinds, national targets the last to come).
SEARCH_PAGE_QUERIES = 27


def results(client, query: str):
    response = client.get("/search/" + query)
    assert response.status_code == 200
    return response


@pytest.fixture(params=["window", "no window"])
def small_cap(request, monkeypatch):
    """A bound of 3; with "no window" the newest entries never hold enough
    matches, so every kind goes through the GIN index and, when common, is
    read again newest first: the results must be the same either way."""
    for module in ("search.queries", "search.results", "search.backends.postgres"):
        monkeypatch.setattr(f"{module}.CAP", 3)
    monkeypatch.setattr(
        "search.backends.postgres.RECENT_WINDOW",
        15 if request.param == "window" else 0,
    )
    return 3


def test_the_search_page_runs_a_fixed_number_of_queries_whatever_the_data(
    client,
    people,
    network,
    forums,
    writer,
    library,
    forest_tag,
    django_assert_max_num_queries,
):
    for n in range(12):
        news = make_post(network.benin if n % 2 else network.kenya, n, intro="Karst")
        news.tags.add(forest_tag)
        news.save_revision().publish()
        topic = make_topic(forums.public, writer, title=f"Karst {n}")
        topic.tags.add(forest_tag)
        add_post(topic, writer, "Karst caves")
        make_toolkit(library, n, summary="Karst")
    client.force_login(people.member)
    client.get("/search/?q=karst")  # content types and sites are cached once
    with django_assert_max_num_queries(SEARCH_PAGE_QUERIES):
        found = results(client, "?q=karst").context["results"]
    assert found.total == 48 and len(found.hits) == 10
    with django_assert_max_num_queries(SEARCH_PAGE_QUERIES):
        found = results(client, "?q=karst&kind=topic&tag=forest").context["results"]
    assert found.total == 12


def test_a_word_in_more_items_than_are_counted_shows_a_floor_with_a_plus(
    client, network, small_cap
):
    for n in range(5):
        make_post(network.benin, n, intro="Estuary news")
    response = results(client, "?q=estuary")
    found = response.context["results"]
    assert (found.total, found.capped) == (3, True)
    assert [(v.value, v.count, v.capped) for v in found.kind_counts] == [
        ("news", 3, True)
    ]
    page = response.content.decode()
    assert "3+ results for “estuary”" in page
    assert "each kind counts its best 3 results" in page
    # Facets count among the counted results.
    assert {v.value: v.count for v in found.facets["country"]} == {"benin": 3}


def test_title_matches_are_kept_among_the_counted_results(client, network, small_cap):
    for n in range(6):
        make_post(network.benin, n, intro="Delta news")
    page = make_post(network.kenya, 9, intro="Nothing here")
    page.title = "Delta"
    page.save_revision().publish()
    found = results(client, "?q=delta").context["results"]
    assert found.capped
    assert [hit.title for hit in found.hits][0] == "<mark>Delta</mark>"


def test_hidden_items_never_fill_the_counted_results_of_anonymous_visitors(
    client, people, network, forums, writer, small_cap
):
    topic = make_topic(forums.public, writer, title="Open talk")
    add_post(topic, writer, "Wombat seen by everyone")
    # Newer than the visible post, and more of them than the bound: they fill
    # the candidates, and visibility then removes every one of them.
    for n in range(4):
        add_post(topic, writer, f"Wombat sighting {n}, hidden", is_hidden=True)
    found = results(client, "?q=wombat").context["results"]
    snippets = [strip_tags(hit.snippet) for hit in found.hits]
    assert [hit.kind for hit in found.hits] == ["post"], snippets
    assert "Wombat seen by everyone" in snippets[0]
    assert (found.total, found.capped) == (1, False)
    assert not any("hidden" in snippet for snippet in snippets)
    client.force_login(people.moderator)
    found = results(client, "?q=wombat").context["results"]
    assert found.total == 3 and found.capped


def test_a_filter_on_a_common_word_still_fills_the_page_beyond_the_bound(
    client, network, forums, writer, small_cap
):
    older = make_topic(forums.other, writer, title="Older talk")
    for n in range(4):
        add_post(older, writer, f"Estuary count {n}")
    newer = make_topic(forums.public, writer, title="Newer talk")
    for n in range(6):
        add_post(newer, writer, f"Estuary note {n}")
    found = results(client, "?q=estuary&kind=post&forum=marine").context["results"]
    assert (found.total, found.capped) == (3, True)
    assert all("Estuary count" in strip_tags(hit.snippet) for hit in found.hits)
    assert {v.value: v.count for v in found.kind_counts}["post"] == 3


def test_a_filter_keeps_an_older_title_match_first_beyond_the_bound(
    client, network, small_cap
):
    old = make_post(network.benin, 0, intro="From the archive", language="fr")
    old.title = "Estuary atlas"
    old.save_revision().publish()
    for n in range(1, 6):
        make_post(network.benin, n, intro="Estuary count", language="fr")
        make_post(network.kenya, 10 + n, intro="Estuary count", language="en")
    found = results(client, "?q=estuary&kind=news&language=fr").context["results"]
    assert (found.total, found.capped) == (3, True)
    titles = [strip_tags(hit.title) for hit in found.hits]
    assert titles[0] == "Estuary atlas"
    assert all(hit.language == "fr" for hit in found.hits)


def test_a_region_filter_reads_its_candidates_then_looks_again_if_short(
    client, network, small_cap
):
    for n in range(2):
        make_post(network.benin, n, intro="Lagoon survey")
    for n in range(2, 7):
        make_post(network.fiji, n, intro="Lagoon survey")
    found = results(client, "?q=lagoon&kind=news&region=africa").context["results"]
    assert (found.total, found.capped) == (2, False)
    assert {hit.meta[0] for hit in found.hits} == {"Benin"}
    found = results(client, "?q=lagoon&kind=news&region=asia-pacific").context[
        "results"
    ]
    assert (found.total, found.capped) == (3, True)
