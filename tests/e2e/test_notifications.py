"""Two members in two browsers: A follows a forum, B starts a topic there, and
A's bell counts it without a reload (real Chromium, real daphne, websockets)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from forum.models import Forum, ForumIndexPage

from ..factories import UserFactory, build_network
from ..live import asgi_server, needs_postgres, session_id

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True), needs_postgres]


def signed_in_page(browser, base: str, user):
    context = browser.new_context()
    context.add_cookies([{"name": "sessionid", "value": session_id(user), "url": base}])
    return context, context.new_page()


def test_the_bell_rises_when_a_followed_forum_gets_a_topic(browser):
    network = build_network()
    network.home.add_child(instance=ForumIndexPage(title="Forums", slug="forums"))
    Forum.objects.create(name="Forest", slug="forest")
    old = timezone.now() - timedelta(days=30)
    reader = UserFactory(display_name="Reader", date_joined=old)
    writer = UserFactory(display_name="Writer", date_joined=old)

    with asgi_server() as base:
        reader_context, reader_page = signed_in_page(browser, base, reader)
        reader_page.goto(base + "/forums/forest/")
        reader_page.get_by_role("button", name="Follow", exact=True).click()
        reader_page.get_by_role("button", name="Following").wait_for()
        assert reader_page.locator("#bell-count").is_hidden()
        # The page is open and connected; nothing reloads it from now on.
        reader_page.wait_for_function(
            "window.performance.getEntriesByType('resource')"
            ".some(e => e.name.includes('notifications.js'))"
        )
        reader_page.wait_for_timeout(500)

        writer_context, writer_page = signed_in_page(browser, base, writer)
        writer_page.goto(base + "/forums/forest/new/")
        writer_page.fill("input[name=title]", "Fire management in dry forests")
        writer_page.fill("textarea[name=body]", "What works in your country?")
        writer_page.get_by_role("button", name="Start the topic").click()
        writer_page.wait_for_load_state()

        reader_page.wait_for_selector("#bell-count:not([hidden])", timeout=5000)
        assert reader_page.locator("#bell-count").inner_text() == "1"
        reader_page.locator("#bell").click()
        assert (
            "Fire management in dry forests"
            in reader_page.locator("#bell-panel").inner_text()
        )
        writer_context.close()
        reader_context.close()


def test_an_open_topic_shows_new_replies_without_a_reload(browser):
    from forum.models import Topic
    from forum.posting import create_topic

    network = build_network()
    network.home.add_child(instance=ForumIndexPage(title="Forums", slug="forums"))
    forum = Forum.objects.create(name="Forest", slug="forest")
    old = timezone.now() - timedelta(days=30)
    reader = UserFactory(display_name="Reader", date_joined=old)
    writer = UserFactory(display_name="Writer", date_joined=old)
    topic = create_topic(forum, writer, "Mangrove nurseries", "How do you start?")
    assert Topic.objects.count() == 1

    with asgi_server() as base:
        reader_context, reader_page = signed_in_page(browser, base, reader)
        reader_page.goto(base + topic.get_absolute_url())
        reader_page.wait_for_timeout(1000)  # the socket connects and watches
        marker = reader_page.evaluate("window.__marker = Math.random()")

        writer_context, writer_page = signed_in_page(browser, base, writer)
        writer_page.goto(base + topic.get_absolute_url())
        writer_page.fill("textarea[name=body]", "Start with local seeds.")
        writer_page.get_by_role("button", name="Post reply").click()
        writer_page.wait_for_load_state()

        reader_page.wait_for_selector("#post-2", timeout=5000)
        assert "Start with local seeds." in reader_page.locator("#post-2").inner_text()
        assert reader_page.evaluate("window.__marker") == marker  # same page, no reload
        writer_context.close()
        reader_context.close()
