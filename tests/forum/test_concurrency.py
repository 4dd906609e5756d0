"""Counters and duplicate checks hold when many requests arrive at once.

These need a database with real concurrent transactions: they run on
PostgreSQL (CI sets DATABASE_URL) and are skipped on SQLite.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client

from forum.models import Post

from ..factories import build_network, established, make_topic
from ..factories import topic_url as url

pytestmark = [
    pytest.mark.django_db(transaction=True),
    # Dozens of connections at once: never beside the other such tests on
    # another pytest-xdist worker (PostgreSQL's max_connections).
    pytest.mark.xdist_group("many_connections"),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="concurrent transactions need PostgreSQL (set DATABASE_URL)",
    ),
]


def forum_setup():
    from forum.models import Forum, ForumIndexPage

    network = build_network()
    network.home.add_child(instance=ForumIndexPage(title="Forums", slug="forums"))
    return Forum.objects.create(name="Forest", slug="forest")


def in_threads(count: int, work) -> list:
    def run(n):
        try:
            return work(n)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=25) as pool:
        return list(pool.map(run, range(count)))


def test_fifty_identical_submissions_create_exactly_one_post():
    forum = forum_setup()
    author = established()
    member = established()
    topic = make_topic(forum, author)

    def submit(_n):
        client = Client()
        client.force_login(member)
        return client.post(
            f"{url(topic)}reply/", {"body": "Exactly once, please"}
        ).status_code

    statuses = in_threads(50, submit)
    assert Post.objects.filter(author=member).count() == 1
    assert statuses.count(302) == 1
    assert set(statuses) <= {302, 429}
    topic.refresh_from_db()
    assert topic.post_count == 2 and topic.reply_count == 1


def test_two_hundred_concurrent_likes_count_two_hundred():
    forum = forum_setup()
    author = established()
    post = make_topic(forum, author).posts.get()
    fans = [established(username=f"fan{n}") for n in range(200)]

    def like(n):
        client = Client()
        client.force_login(fans[n])
        return client.post(f"/forums/post/{post.pk}/like/").status_code

    statuses = in_threads(200, like)
    assert statuses.count(302) == 200
    post.refresh_from_db()
    post.topic.refresh_from_db()
    assert post.like_count == 200 == post.likes.count()
    assert post.topic.like_count == 200


def test_concurrent_replies_get_distinct_numbers():
    forum = forum_setup()
    author = established()
    topic = make_topic(forum, author)
    writers = [established(username=f"writer{n}") for n in range(30)]

    def write(n):
        client = Client()
        client.force_login(writers[n])
        return client.post(
            f"{url(topic)}reply/", {"body": f"Reply from {n}"}
        ).status_code

    assert set(in_threads(30, write)) == {302}
    numbers = sorted(topic.posts.values_list("number", flat=True))
    assert numbers == list(range(1, 32))
    topic.refresh_from_db()
    assert topic.post_count == 31 and topic.reply_count == 30
