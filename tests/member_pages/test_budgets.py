"""Query budgets of members' pages served from the shared store
(core/member_pages.py): at most ten queries for a plain member and for a
moderator, the same with 10 replies or topics as with 100."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import member_pages

from ..factories import (
    ToolkitLibraryPageFactory,
    established,
    login,
    make_topic,
    topic_url,
)

pytestmark = [pytest.mark.django_db, pytest.mark.shared_world("people", "forums")]

BUDGET = 10


def served(client, url: str) -> int:
    """The queries of a member's request for `url` once the page is stored."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response[member_pages.RESPONSE_HEADER] == "member-hit"
    return len(queries)


@pytest.fixture
def pages(network, forums):
    ToolkitLibraryPageFactory(parent=network.home, title="Toolkits", slug="toolkits")
    writer = established(username="writer")
    short = make_topic(forums.public, writer, replies=10, title="Ten replies")
    long = make_topic(forums.other, writer, replies=100, title="A hundred replies")
    for n in range(10):
        make_topic(forums.public, writer, title=f"Topic {n}")
    return {
        "home": ["/"],
        "country page": [network.benin.url],
        "toolkit library": ["/toolkits/"],
        "forum index": ["/forums/"],
        "topic": [topic_url(short), topic_url(long)],
    }


@pytest.mark.parametrize("role", ["member", "moderator"])
@pytest.mark.parametrize(
    "page", ["home", "country page", "toolkit library", "forum index", "topic"]
)
def test_a_stored_page_costs_at_most_ten_queries(pages, people, forums, role, page):
    client = login(getattr(people, role))
    counts = [served(client, url) for url in pages[page]]
    assert max(counts) <= BUDGET, counts
    assert len(set(counts)) == 1, f"grows with the replies: {counts}"


def test_the_forum_index_costs_the_same_with_more_topics(pages, people, forums):
    client = login(people.member)
    before = served(client, "/forums/")
    writer = established(username="prolific")
    for n in range(40):
        make_topic(forums.other, writer, title=f"More {n}")
    cache.clear()
    assert served(client, "/forums/") == before
