"""Query counts that must not grow with the size of a topic or a forum."""

import re

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from forum.models import TopicReadState
from forum.reading import mark_read

from ..factories import TopicFactory, established, make_topic
from ..factories import topic_url as url


def queries(client, path) -> int:
    client.get(path)  # first visits create read marks and warm caches
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


def test_topic_pages_use_the_same_queries_with_10_or_1000_replies(
    client, forums, author, django_assert_max_num_queries
):
    reader = established()
    small = make_topic(forums.public, author, replies=10, title="Small")
    big = make_topic(forums.public, author, replies=1000, title="Big")
    for user in (None, reader):
        if user:
            client.force_login(user)
        counts = {
            "small first": queries(client, url(small)),
            "small last": queries(client, f"{url(small)}?page=1"),
            "big first": queries(client, url(big)),
            "big last": queries(client, f"{url(big)}?page={big.page_count}"),
        }
        assert len(set(counts.values())) == 1, counts
    with django_assert_max_num_queries(22):
        client.get(f"{url(big)}?page=26")
    assert TopicReadState.objects.get(user=reader, topic=big).last_read_number == 1001


def test_last_page_shows_the_last_posts(client, forums, author):
    big = make_topic(forums.public, author, replies=1000, title="Big")
    html = client.get(f"{url(big)}?page={big.page_count}").content.decode()
    assert big.page_count == 51
    assert "Reply 1001" in html and "Reply 980" not in html


def test_a_long_topic_links_the_ends_and_the_pages_around_the_current_one(
    client, forums, author
):
    """51 page links in a row scrolled a phone sideways: the first, the last
    and two on each side of the current page, with gaps between."""
    big = make_topic(forums.public, author, replies=1000, title="Big")
    html = client.get(f"{url(big)}?page=26").content.decode()
    pages = html.split('class="pagination"', 1)[1].split("</nav>", 1)[0]
    links = re.findall(r'href="\?page=(\d+)"', pages)
    assert links == ["1", "24", "25", "27", "28", "51"]
    assert '<span aria-current="page">26</span>' in pages
    assert pages.count('class="pagination-gap" aria-hidden="true"') == 2
    first = client.get(url(big)).content.decode()
    first_pages = first.split('class="pagination"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'href="\?page=(\d+)"', first_pages) == ["2", "3", "51"]


def test_topic_lists_use_the_same_queries_with_10_or_1000_topics(
    client, forums, author, django_assert_max_num_queries
):
    from forum.models import Forum, Topic

    reader = established()
    client.force_login(reader)
    for n in range(10):
        make_topic(forums.public, author, title=f"Topic {n}")
    few = queries(client, "/forums/forest/")
    topics = [
        TopicFactory.build(
            forum=forums.public,
            title=f"Bulk {n}",
            slug=f"bulk-{n}",
            author=author,
            post_count=1,
            last_poster=None,
        )
        for n in range(990)
    ]
    Topic.objects.bulk_create(topics, batch_size=500)
    Forum.objects.filter(pk=forums.public.pk).update(topic_count=1000)
    assert queries(client, "/forums/forest/") == few
    assert queries(client, "/forums/forest/?page=34") == few
    with django_assert_max_num_queries(22):
        client.get("/forums/forest/")
    assert queries(client, "/forums/") <= 16


def _transaction_id_taken() -> bool:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_xact_id_if_assigned()")
        return cursor.fetchone()[0] is not None


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's transaction ids"
)
def test_reading_a_topic_again_writes_nothing(forums, author):
    """A read mark that does not move takes no row lock: no transaction id,
    so nothing to flush at commit, on every view of a topic already read."""
    reader = established()
    topic = make_topic(forums.public, author, replies=3, title="Read twice")
    mark_read(reader, topic, 4)
    with transaction.atomic():
        mark_read(reader, topic, 4)
        mark_read(reader, topic, 2)
        assert not _transaction_id_taken()
    with transaction.atomic():
        mark_read(reader, topic, 5)
        assert _transaction_id_taken()
    mark_read(reader, topic, 3)
    assert TopicReadState.objects.get(user=reader, topic=topic).last_read_number == 5


def test_a_read_mark_moves_forward_only(forums, author):
    reader = established()
    topic = make_topic(forums.public, author, replies=3, title="Forward")
    for number, expected in ((2, 2), (4, 4), (1, 4), (4, 4)):
        mark_read(reader, topic, number)
        assert (
            TopicReadState.objects.get(user=reader, topic=topic).last_read_number
            == expected
        )
