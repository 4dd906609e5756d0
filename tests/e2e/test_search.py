"""Search in real Chromium: the header box suggests titles as one types and
is driven by the keyboard; without JavaScript it is a plain form, and the
results page filters by its facet links alone."""

import re

import pytest
from wagtail.models import Page

from forum.models import Forum, ForumIndexPage

from ..factories import build_network, established, make_post, make_topic

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def content():
    network = build_network()
    for n, (country, title) in enumerate(
        [
            (network.benin, "Mangrove replanting in Ouidah"),
            (network.kenya, "Mangrove carbon in Lamu"),
            (network.kenya, "Pollinator week"),
        ]
    ):
        post = make_post(country, n, intro=f"{title}: what the focal point saw.")
        post.title = title
        post.save_revision().publish()
    network.home.add_child(instance=ForumIndexPage(title="Forums", slug="forums"))
    forest = Forum.objects.create(name="Forest", slug="forest")
    make_topic(forest, established(username="awa"), title="Mangrove nurseries")
    return network


def test_header_box_suggests_titles_and_the_keyboard_opens_one(
    live_server, page, content
):
    page.goto(live_server.url + "/")
    page.locator("#header-search").press_sequentially("mangr", delay=40)
    options = page.locator("#search-suggestions [role=option]")
    options.first.wait_for()
    titles = options.locator(".suggestion-title").all_inner_texts()
    assert "Mangrove replanting in Ouidah" in titles
    assert "Mangrove nurseries" in titles
    assert "Pollinator week" not in titles
    box = page.locator("#header-search")
    assert box.get_attribute("aria-expanded") == "true"

    # Down to the first suggestion, Enter: its page opens.
    first = options.first.locator(".suggestion-title").inner_text()
    box.press("ArrowDown")
    assert options.first.get_attribute("aria-selected") == "true"
    box.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == first
    assert not page.csp_violations

    # Escape closes the list and keeps the words; Enter without a choice
    # runs the full search.
    page.goto(live_server.url + "/")
    box.press_sequentially("mangrove", delay=40)
    options.first.wait_for()
    box.press("Escape")
    assert page.locator("#search-suggestions").is_hidden()
    assert box.input_value() == "mangrove"
    box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=mangrove"))
    assert "3 results" in page.locator(".search-count").inner_text()


def test_without_javascript_search_and_its_filters_are_plain_links(
    browser, live_server, content
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        page.fill("#header-search", "mangrove")
        page.press("#header-search", "Enter")
        page.wait_for_url(re.compile(r"/search/\?q=mangrove"))
        assert page.locator("#search-suggestions").count() == 0
        assert "3 results" in page.locator(".search-count").inner_text()
        # Titles come first, with the word marked.
        assert page.locator(".results mark").first.inner_text().lower() == "mangrove"

        # Kind, then country: each facet is a link that narrows the results.
        page.locator("[data-facet=kind] a", has_text="News").click()
        page.wait_for_load_state()
        assert "kind=news" in page.url
        assert "2 results" in page.locator(".search-count").inner_text()
        page.locator("[data-facet=country] a", has_text="Kenya").click()
        page.wait_for_load_state()
        assert "country=kenya" in page.url
        assert "1 result " in page.locator(".search-count").inner_text() + " "
        hit = page.locator(".results a", has_text="Mangrove carbon in Lamu")
        assert hit.count() == 1

        # The chip removes that filter again.
        page.locator(".search-active-filters a", has_text="Kenya").click()
        page.wait_for_load_state()
        assert "country=" not in page.url
        assert "2 results" in page.locator(".search-count").inner_text()

        # An unpublished page is gone from the results at once.
        Page.objects.get(title="Mangrove carbon in Lamu").unpublish()
        page.reload()
        assert "1 result " in page.locator(".search-count").inner_text() + " "
    finally:
        context.close()
