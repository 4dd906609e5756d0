import pytest

from search.forms import clean_query

from ..factories import make_post

pytestmark = pytest.mark.shared_world("network")

BAD_QUERIES = [
    "",
    " ",
    "a" * 5000,
    "mangrove " * 700,
    "mangrove\x00",
    "\x00\x00",
    '"mangrove',
    'mangrove"',
    "'",
    "AND",
    "OR NOT",
    "mangrove AND",
    "NOT mangrove",
    "-mangrove",
    "+mangrove",
    "mangrove*",
    "*",
    "~mangrove",
    "mangrove~2",
    '"unbalanced "quotes" here',
    "(mangrove",
    "mangrove)",
    "title:mangrove",
    "mangrove^3",
    "NEAR(mangrove coral)",
    "\\",
    "%",
    "%_",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "\u202emangrove",
    "🌳 mangrove",
    "ما",
    "&&||!",
]


@pytest.mark.parametrize("text", BAD_QUERIES)
def test_bad_queries_give_a_valid_page(client, network, text):
    make_post(network.benin, 1, intro="Mangrove restoration")
    response = client.get("/search/", {"q": text})
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.content.decode()
    suggest = client.get("/search/suggest/", {"q": text})
    assert suggest.status_code == 200
    assert isinstance(suggest.json()["results"], list)


@pytest.mark.parametrize(
    "params",
    [
        {"q": "mangrove", "kind": "spaceship"},
        {"q": "mangrove", "region": "atlantis"},
        {"q": "mangrove", "country": "nowhere"},
        {"q": "mangrove", "forum": "nope"},
        {"q": "mangrove", "tag": "no-such-tag"},
        {"q": "mangrove", "language": "xx"},
        {"q": "mangrove", "date_from": "yesterday"},
        {"q": "mangrove", "date_to": "2026-02-31"},
        {"q": "mangrove", "page": "-3"},
        {"q": "mangrove", "page": "abc"},
        {"q": "mangrove", "page": "99999999999999999999"},
    ],
)
def test_unknown_filter_values_are_dropped_with_a_note(client, network, params):
    make_post(network.benin, 1, intro="Mangrove restoration")
    response = client.get("/search/", params)
    assert response.status_code == 200
    found = response.context["results"]
    assert found.total == 1
    assert found.notes


def test_repeated_and_array_parameters_do_not_break(client, network):
    response = client.get("/search/?q=a&q=b&kind[]=news&page=1&page=2")
    assert response.status_code == 200


def test_an_empty_query_shows_the_search_hint(client, network):
    body = client.get("/search/").content.decode()
    assert "Search news, forum topics and posts" in body


def test_clean_query_neutralises_operators_and_control_characters():
    assert clean_query('"forest  AND -coral* ~x\x00 NOT"') == "forest coral x"
    assert clean_query("a" * 5000) == "a" * 200
    assert len(clean_query("word " * 100).split()) == 12
    assert clean_query("forêt bosque الغابات") == "forêt bosque الغابات"
    assert clean_query("and or") == "and or"  # lower case words are words


def test_suggestions_are_json_with_titles_and_urls(client, network):
    make_post(network.benin, 1, intro="x")
    response = client.get("/search/suggest/?q=ben")
    assert response["Content-Type"] == "application/json"
    assert {"title": "Benin", "url": "/africa/benin/", "kind": "Countries"} in (
        response.json()["results"]
    )
    assert client.get("/search/suggest/?q=b").json()["results"] == []


def test_the_header_box_works_without_javascript(client, network):
    body = client.get("/search/?q=benin").content.decode()
    assert 'action="/search/" method="get" role="search"' in body
    assert 'src="/static/js/search.js"' in body
    assert "<script>" not in body  # no inline script (CSP)
    assert "style=" not in body
