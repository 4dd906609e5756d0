"""Anonymous visitors get cached pages, and no write ever leaves one stale."""

import pytest

from forum.models import Post
from forum.moderation import hide_post
from forum.posting import reply

from ..factories import established, make_topic


@pytest.fixture
def page_cache(settings):
    settings.CHM_PAGE_CACHE_SECONDS = 300


@pytest.fixture
def topic(forums, author):
    return make_topic(forums.public, author, replies=2, title="Mangrove restoration")


def test_an_anonymous_page_is_served_from_the_cache_without_queries(
    client, page_cache, topic, django_assert_num_queries
):
    url = topic.get_absolute_url()
    first = client.get(url)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_reply_shows_at_once_to_the_next_anonymous_visitor(
    client, page_cache, topic, django_capture_on_commit_callbacks
):
    url = topic.get_absolute_url()
    client.get(url)
    with django_capture_on_commit_callbacks(execute=True):
        reply(
            topic, established(username="kofi"), "Seedlings from the nursery at Ouidah."
        )
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Seedlings from the nursery at Ouidah." in response.content.decode()


def test_a_hidden_post_disappears_at_once_from_cached_pages(
    client, page_cache, topic, people, django_capture_on_commit_callbacks
):
    url = topic.get_absolute_url()
    post = Post.objects.filter(topic=topic, number=2).get()
    assert post.html in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        hide_post(post, people.moderator, reason="spam")
    assert post.html not in client.get(url).content.decode()


def test_a_signed_in_member_never_gets_or_fills_the_cache(
    client, page_cache, topic, author
):
    url = topic.get_absolute_url()
    client.force_login(author)
    response = client.get(url)
    assert "X-Page-Cache" not in response
    client.logout()
    client.cookies.clear()
    assert client.get(url)["X-Page-Cache"] == "miss"


def test_a_page_with_a_csrf_form_is_never_stored(client, page_cache, db):
    client.get("/accounts/login/")
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert response.get("X-Page-Cache") != "hit"


def test_the_cache_is_off_when_configured_so(client, settings, topic):
    settings.CHM_PAGE_CACHE_SECONDS = 0
    client.get(topic.get_absolute_url())
    assert "X-Page-Cache" not in client.get(topic.get_absolute_url())


def test_a_reader_who_chose_french_is_still_sent_to_the_french_page(
    client, page_cache, topic
):
    url = topic.get_absolute_url()
    client.get(url)  # cached in English for readers without a choice
    client.cookies["django_language"] = "fr"
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/fr{url}"
