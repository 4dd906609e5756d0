"""The site header in real Chromium: on a 390 px phone the page does not
scroll sideways, a menu button opens the navigation (and without JavaScript
the navigation is simply shown), and the search box is an ARIA combobox
whose suggestions are readable."""

import re

import pytest
from playwright.sync_api import expect

from ..factories import build_network, make_post
from .browser import open_page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
NAV_LINKS = ["Network", "Forums", "Toolkits", "Cooperation", "Dashboard", "Experts"]


@pytest.fixture
def network():
    network = build_network()
    post = make_post(network.kenya, 1, intro="Mangroves in Lamu.")
    post.title = "Mangrove carbon in Lamu"
    post.save_revision().publish()
    return network


@pytest.fixture
def phone(browser):
    page = open_page(browser, viewport=PHONE)
    yield page
    page.context.close()


def scrolls_sideways(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def on_screen(page, link) -> bool:
    box = link.bounding_box()
    width = page.evaluate("window.innerWidth")
    return bool(box) and box["x"] >= 0 and box["x"] + box["width"] <= width


def luminance(rgb: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", rgb)[:3]]
    linear = [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels
    ]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, two: str) -> float:
    high, low = sorted([luminance(one), luminance(two)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_on_a_phone_the_home_page_fits_and_the_menu_button_opens_the_nav(
    live_server, phone, network
):
    phone.goto(live_server.url + "/")
    assert not scrolls_sideways(phone)
    nav = phone.get_by_role("navigation", name="Main")
    button = phone.get_by_role("button", name="Menu")
    expect(button).to_be_visible()
    assert button.get_attribute("aria-expanded") == "false"
    assert button.get_attribute("aria-controls") == "site-menu"
    assert not nav.is_visible()

    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    for name in NAV_LINKS:
        link = nav.get_by_role("link", name=name, exact=True)
        assert link.is_visible(), name
        assert on_screen(phone, link), name
    expect(phone.get_by_role("link", name="Sign in")).to_be_visible()
    assert not scrolls_sideways(phone)

    # Escape inside the menu closes it and returns to the button.
    nav.get_by_role("link", name="Forums").focus()
    phone.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert not nav.is_visible()
    assert phone.evaluate("document.activeElement.classList.contains('nav-toggle')")
    assert not phone.csp_violations


def test_on_a_wide_screen_the_nav_shows_without_a_menu_button(
    live_server, page, network
):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(live_server.url + "/")
    assert not page.get_by_role("button", name="Menu").is_visible()
    nav = page.get_by_role("navigation", name="Main")
    for name in NAV_LINKS:
        assert nav.get_by_role("link", name=name, exact=True).is_visible(), name
    assert not scrolls_sideways(page)


def test_without_javascript_a_phone_sees_the_whole_nav_wrapped(
    browser, live_server, network
):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        assert not page.locator(".nav-toggle").is_visible()
        nav = page.get_by_role("navigation", name="Main")
        for name in NAV_LINKS:
            link = nav.get_by_role("link", name=name, exact=True)
            assert link.is_visible(), name
            assert on_screen(page, link), name
        assert not scrolls_sideways(page)
    finally:
        context.close()


def test_the_header_search_box_is_a_combobox_with_readable_suggestions(
    live_server, phone, network
):
    phone.goto(live_server.url + "/")
    box = phone.locator("#header-search")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-autocomplete") == "list"
    assert box.get_attribute("aria-expanded") == "false"
    listbox = phone.locator("#" + box.get_attribute("aria-controls"))
    assert listbox.get_attribute("role") == "listbox"
    assert listbox.get_attribute("aria-label") == "Suggestions"

    box.press_sequentially("mangr", delay=40)
    option = listbox.get_by_role("option", name=re.compile("Mangrove carbon"))
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    # An option holds text, not links (its children are presentational).
    assert listbox.locator("a, button, [tabindex]").count() == 0

    # The title is dark on the light list, though the header's text is white.
    title = option.locator(".suggestion-title")
    colour = title.evaluate("el => getComputedStyle(el).color")
    background = listbox.evaluate("el => getComputedStyle(el).backgroundColor")
    assert contrast(colour, background) >= 4.5
    assert not scrolls_sideways(phone)

    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert option.get_attribute("aria-selected") == "true"
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert box.get_attribute("aria-activedescendant") is None
    assert listbox.is_hidden()

    # Down arrow reopens the closed list; a click on an option opens its page.
    box.press("ArrowDown")
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    option.click()
    phone.wait_for_load_state()
    assert phone.locator("h1").first.inner_text() == "Mangrove carbon in Lamu"
    assert not phone.csp_violations
