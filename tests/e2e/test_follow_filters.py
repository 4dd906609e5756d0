"""Following and the toolkit filters in real Chromium: with JavaScript they
change the page in place (no navigation), without it they are plain forms
that work the same; on a 390 px phone the library shows toolkits first."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from taggit.models import Tag

from forum.models import Forum, ForumIndexPage
from notifications.models import Subscription
from toolkits.models import ToolkitLibraryPage

from ..factories import UserFactory, build_network, make_toolkit
from ..live import session_id
from .browser import open_page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}
# Set on the page before acting; a navigation (a full reload) would drop it.
MARK = "window.__stayed = true"
STAYED = "window.__stayed === true"


def open_page_as(browser, live_server, user=None, **options):
    """A page signed in as `user` (anonymous without one)."""
    cookies = []
    if user is not None:
        cookies.append(
            {"name": "sessionid", "value": session_id(user), "url": live_server.url}
        )
    page = open_page(browser, cookies, **options)
    return page.context, page


@pytest.fixture
def forum():
    network = build_network()
    network.home.add_child(instance=ForumIndexPage(title="Forums", slug="forums"))
    return Forum.objects.create(name="Forest", slug="forest")


@pytest.fixture
def member():
    return UserFactory(
        display_name="Reader", date_joined=timezone.now() - timedelta(days=30)
    )


def level(member, forum):
    subscription = Subscription.objects.filter(user=member, object_id=forum.pk).first()
    return subscription.level if subscription else "normal"


def test_follow_toggles_and_changes_level_without_a_navigation(
    browser, live_server, forum, member
):
    context, page = open_page_as(browser, live_server, member, viewport=PHONE)
    page.goto(live_server.url + "/forums/forest/")
    page.evaluate(MARK)
    toggle = page.get_by_role("button", name="Follow", exact=True)
    assert toggle.get_attribute("aria-pressed") == "false"
    toggle.click()
    following = page.get_by_role("button", name="Following")
    following.wait_for()
    assert following.get_attribute("aria-pressed") == "true"
    assert page.evaluate(STAYED)
    assert level(member, forum) == "watching"
    # Focus stays on the control that was swapped in.
    assert (
        page.evaluate("document.activeElement.id") == f"follow-forum-{forum.pk}-toggle"
    )

    # The level menu: choosing a level saves it at once, the menu stays open.
    page.locator(".follow-summary").click()
    page.get_by_role("radio", name="Muted").check()
    page.locator(".follow-saved").wait_for()
    assert level(member, forum) == "muted"
    assert page.get_by_role("radio", name="Muted").is_checked()
    assert page.evaluate("document.activeElement.value") == "muted"
    assert (
        page.get_by_role("button", name="Follow", exact=True).get_attribute(
            "aria-pressed"
        )
        == "false"
    )
    assert page.evaluate(STAYED)
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert page.csp_violations == []
    context.close()


def test_follow_works_the_same_without_javascript(browser, live_server, forum, member):
    context, page = open_page_as(
        browser, live_server, member, viewport=PHONE, java_script_enabled=False
    )
    page.goto(live_server.url + "/forums/forest/")
    page.get_by_role("button", name="Follow", exact=True).click()
    page.wait_for_load_state()
    assert page.url == live_server.url + "/forums/forest/"
    assert (
        page.get_by_role("button", name="Following").get_attribute("aria-pressed")
        == "true"
    )
    assert "You are following this now." in page.locator(".messages").inner_text()
    assert level(member, forum) == "watching"
    # The level menu is a <details>: it opens without JavaScript too.
    page.locator(".follow-summary").click()
    page.get_by_role("radio", name="Muted").check()
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    assert level(member, forum) == "muted"
    context.close()


@pytest.fixture
def library():
    network = build_network()
    library = network.home.add_child(
        instance=ToolkitLibraryPage(title="Toolkits", slug="toolkits")
    )
    forest = Tag.objects.create(name="Forest", slug="forest")
    wetlands = Tag.objects.create(name="Wetlands", slug="wetlands")
    for n in range(1, 6):
        make_toolkit(
            library,
            n,
            tags=[forest if n % 2 else wetlands],
            files=(),
            summary="A toolkit " + "with a rather long summary " * 3,
        )
    return library


def test_on_a_phone_the_library_shows_a_toolkit_before_the_filters(
    browser, live_server, library
):
    context, page = open_page_as(browser, live_server, viewport=PHONE)
    page.goto(live_server.url + "/toolkits/")
    first_toolkit = page.locator(".toolkit-card").first
    expect(first_toolkit).to_be_visible()
    # The filters wait behind a closed "Filter" disclosure.
    assert not page.get_by_label("CBD subject").is_visible()
    summary = page.locator("#toolkit-filter-summary")
    assert summary.bounding_box()["y"] < first_toolkit.bounding_box()["y"]
    assert first_toolkit.bounding_box()["y"] < 844
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    summary.click()
    expect(page.get_by_label("CBD subject")).to_be_visible()
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    assert page.csp_violations == []
    context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_filter_updates_the_results_and_the_address_in_place(
    browser, live_server, library, viewport
):
    context, page = open_page_as(browser, live_server, viewport=viewport)
    page.goto(live_server.url + "/toolkits/")
    assert page.locator("#results-heading").inner_text() == "5 toolkits"
    page.evaluate(MARK)
    if viewport is PHONE:
        page.locator("#toolkit-filter-summary").click()
    else:  # a sidebar on wide screens, with no toggle
        assert not page.locator("#toolkit-filter-summary").is_visible()
    subject = page.get_by_label("CBD subject")
    subject.focus()
    subject.select_option("wetlands")
    page.wait_for_url(re.compile(r"/toolkits/\?subject=wetlands$"))
    assert page.locator("#results-heading").inner_text() == "2 toolkits"
    assert page.locator("#toolkit-status").inner_text() == "2 toolkits"
    assert page.locator(".toolkit-card").count() == 2
    assert "Filter (1 active)" in page.locator("#toolkit-filter-summary").inner_text()
    # Still the same page, the panel open, focus on the filter just changed.
    assert page.evaluate(STAYED)
    expect(page.get_by_label("CBD subject")).to_be_visible()
    assert page.evaluate("document.activeElement.id") == "filter-subject"
    assert not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    # The address is shareable: opened afresh it shows the same results.
    page.goto(page.url)
    assert page.locator(".toolkit-card").count() == 2
    assert page.csp_violations == []
    context.close()


def test_the_filters_are_a_plain_get_form_without_javascript(
    browser, live_server, library
):
    context, page = open_page_as(
        browser, live_server, viewport=PHONE, java_script_enabled=False
    )
    page.goto(live_server.url + "/toolkits/")
    page.locator("#toolkit-filter-summary").click()
    page.get_by_label("CBD subject").select_option("forest")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url(re.compile(r"subject=forest"))
    assert page.locator(".toolkit-card").count() == 3
    assert "Filter (1 active)" in page.locator("#toolkit-filter-summary").inner_text()
    context.close()
