"""Issue 20: like, mark solution and block change the page without a
navigation when scripts run, and work the same with JavaScript disabled."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from forum.models import Forum, ForumIndexPage, PostLike, Topic
from forum.posting import create_topic, reply
from messaging.models import Block
from notifications.models import Notification

from ..factories import PASSWORD, UserFactory, build_network

SIGN_IN = re.compile(r"^sign in$", re.IGNORECASE)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def discussion(live_server):
    network = build_network()
    network.home.add_child(instance=ForumIndexPage(title="Forums", slug="forums"))
    forum = Forum.objects.create(name="Forest", slug="forest")
    old = timezone.now() - timedelta(days=30)
    asker = UserFactory(
        email="asker@example.org",
        username="asker",
        display_name="Asker",
        date_joined=old,
    )
    helper = UserFactory(
        email="helper@example.org",
        username="helper",
        display_name="Helper",
        date_joined=old,
    )
    topic = create_topic(
        forum, asker, "Seed banks for drylands", "Who runs one?", rate_limited=False
    )
    answer = reply(topic, helper, "We do, in Burkina Faso.")
    return topic, answer


def sign_in(page, live_server, email):
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name=SIGN_IN).click()
    page.wait_for_url(live_server.url + "/")


def like_and_mark_solution(page, topic, answer):
    """The same steps with or without scripts; returns nothing, asserts what
    a reader sees."""
    post = page.locator("#post-2")
    like = post.get_by_role("button", name="Like")
    expect(like).to_have_attribute("aria-pressed", "false")
    like.click()
    expect(post.get_by_role("button", name="Like")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(post.locator(".likes")).to_have_text("1 like")

    solution = post.get_by_role("button", name="Mark as solution")
    solution.click()
    expect(post.get_by_role("button", name="Mark as solution")).to_have_attribute(
        "aria-pressed", "true"
    )
    expect(post.locator(".solution-marker")).to_have_text("Solution")
    expect(page.locator("#topic-solved")).to_have_text("Solved")
    assert PostLike.objects.filter(post=answer).count() == 1
    assert Topic.objects.get(pk=topic.pk).solution_id == answer.pk


def test_like_and_solution_update_the_page_in_place(live_server, browser, discussion):
    topic, answer = discussion
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in(page, live_server, "asker@example.org")
    page.goto(live_server.url + topic.get_absolute_url())
    navigations = []
    page.on(
        "framenavigated",
        lambda frame: (
            navigations.append(frame.url) if frame == page.main_frame else None
        ),
    )
    page.evaluate("window.__stillHere = 'yes'")
    url = page.url

    like_and_mark_solution(page, topic, answer)
    # The focus stays on the control just used (htmx keeps it by id).
    assert page.evaluate("document.activeElement.id") == f"solution-button-{answer.pk}"
    expect(page.locator("#action-status")).to_contain_text("Marked as the solution.")

    # Liking again from the keyboard: Enter on the focused button.
    like = page.locator(f"#like-button-{answer.pk}")
    like.focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"#like-button-{answer.pk}")).to_have_attribute(
        "aria-pressed", "false"
    )
    assert page.evaluate("document.activeElement.id") == f"like-button-{answer.pk}"
    expect(page.locator("#post-2 .likes")).to_have_text("0 likes")

    # No navigation happened: the window's state survived every action.
    assert page.evaluate("window.__stillHere") == "yes"
    assert page.url == url and navigations == []
    assert not [e for e in errors if "Content Security Policy" in e], errors
    context.close()


def test_like_and_solution_work_the_same_without_javascript(
    live_server, browser, discussion
):
    topic, answer = discussion
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server, "asker@example.org")
    page.goto(live_server.url + topic.get_absolute_url())
    like_and_mark_solution(page, topic, answer)
    # Each form posted and came back to the post.
    assert page.url.endswith("#post-2")
    context.close()


def test_block_asks_in_a_dialog_or_on_a_page(live_server, browser, discussion):
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server, "asker@example.org")
    page.goto(live_server.url + "/messages/with/helper/")
    trigger = page.get_by_role("link", name="Block this member")
    trigger.click()
    dialog = page.locator("#block-dialog")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("heading")).to_have_text("Block Helper?")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert page.evaluate("document.activeElement.textContent") == "Block this member"
    assert page.url.endswith("/messages/with/helper/")
    trigger.click()
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    assert not Block.objects.exists()
    trigger.click()
    dialog.get_by_role("button", name="Block", exact=True).click()
    expect(page.get_by_role("link", name="Unblock this member")).to_be_visible()
    assert Block.objects.filter(blocker__username="asker").count() == 1
    context.close()

    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server, "asker@example.org")
    page.goto(live_server.url + "/messages/with/helper/")
    page.get_by_role("link", name="Unblock this member").click()
    assert page.url.endswith("/messages/with/helper/unblock/")
    expect(page.get_by_role("heading", name="Unblock Helper?")).to_be_visible()
    page.get_by_role("button", name="Unblock", exact=True).click()
    expect(page.get_by_role("link", name="Block this member")).to_be_visible()
    assert not Block.objects.exists()
    context.close()


def test_show_more_and_mark_read_stay_on_the_page(live_server, browser, discussion):
    topic, _answer = discussion
    Notification.objects.bulk_create(
        Notification(
            recipient=topic.author,
            kind="reply",
            title=f"Notice {n}",
            url="/forums/",
            event_key=f"notice-{n}",
        )
        for n in range(35)
    )
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server, "asker@example.org")
    page.goto(live_server.url + "/notifications/")
    page.evaluate("window.__stillHere = 'yes'")
    items = page.locator("#notification-list > li")
    expect(items).to_have_count(30)
    page.get_by_role("link", name="Show more").click()
    expect(items).to_have_count(Notification.objects.count())
    expect(page.get_by_role("link", name="Show more")).to_have_count(0)
    # The first item that arrived has the focus.
    # (after htmx settles the swap: wait for it rather than read at once).
    expect(items.nth(30)).to_be_focused()

    first = items.first
    first.get_by_role("button", name="Mark as read").click()
    expect(first).not_to_have_class(re.compile(r"\bunread\b"))
    expect(first.get_by_role("button", name="Mark as read")).to_have_count(0)
    unread = Notification.objects.filter(read_at=None).count()
    expect(page.locator("#bell-count")).to_have_text(str(unread))
    page.get_by_role("button", name="Mark all as read").first.click()
    expect(page.locator("#action-status")).to_contain_text(
        "All notifications are marked as read."
    )
    expect(page.locator("#notification-list > li.unread")).to_have_count(0)
    expect(page.locator("#bell-count")).to_be_hidden()
    assert page.evaluate("window.__stillHere") == "yes"
    assert not Notification.objects.filter(read_at=None).exists()
    context.close()
