"""A member starts a topic, another replies and likes it, in real Chromium."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from forum.models import Forum, ForumIndexPage, Post

from ..factories import PASSWORD, UserFactory, build_network

# The site's sign-in says "Sign in"; allauth's two-factor step, "Sign In".
SIGN_IN = re.compile(r"^sign in$", re.IGNORECASE)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def sign_in(page, live_server, email):
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name=SIGN_IN).click()
    page.wait_for_url(live_server.url + "/")


def test_start_a_topic_reply_and_like_without_javascript_tricks(live_server, browser):
    network = build_network()
    network.home.add_child(instance=ForumIndexPage(title="Forums", slug="forums"))
    Forum.objects.create(name="Forest", slug="forest")
    old = timezone.now() - timedelta(days=30)
    UserFactory(email="asker@example.org", display_name="Asker", date_joined=old)
    UserFactory(email="helper@example.org", display_name="Helper", date_joined=old)

    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server, "asker@example.org")
    page.goto(live_server.url + "/forums/")
    page.get_by_role("link", name="Forest").click()
    page.get_by_role("link", name="New topic").click()
    page.fill("input[name=title]", "Seed banks for dryland species")
    page.fill("textarea[name=body]", "Who runs a **seed bank** for drylands?")
    page.get_by_role("button", name="Start the topic").click()
    assert page.locator("h1").inner_text() == "Seed banks for dryland species"
    assert page.locator(".post-body strong").inner_text() == "seed bank"
    topic_url = page.url.split("#")[0]
    context.close()

    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server, "helper@example.org")
    page.goto(topic_url)
    page.fill("textarea[name=body]", "We do, in Burkina Faso. Ask @nobody.")
    page.get_by_role("button", name="Post reply").click()
    assert "We do, in Burkina Faso." in page.locator("#post-2").inner_text()
    page.locator("#post-1").get_by_role("button", name="Like").click()
    # Liking updates the post in place (htmx): wait for the count, not a load.
    expect(page.locator("#post-1 .likes")).to_have_text("1 like")
    assert Post.objects.get(number=1).like_count == 1
    context.close()
