"""The network dashboard as a person reads it: in Chromium, with the 196 Parties
of the demo data, on a desktop and on a phone, with and without JavaScript."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from ..live import asgi_server, needs_postgres
from .browser import open_page


def map_tab(page, name: str):
    tabs = page.get_by_role("navigation", name="Colour the map by")
    return tabs.get_by_role("link", name=name, exact=True)


# The django_db mark makes pytest-django set up the test database; each test's
# own transaction is empty. The group keeps the module on one worker, which
# copies the demo network once for it.
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db,
    needs_postgres,
    pytest.mark.xdist_group("dashboard"),
]

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site(demo_network, django_db_blocker):
    """The demo network's 196 Parties, in a database of the module's own
    (`demo_network`), read by a server of its own."""
    with django_db_blocker.unblock():
        cache.clear()
    with asgi_server(demo_network) as base:
        yield base


def visit(browser, url: str, viewport=DESKTOP, javascript: bool = True):
    page = open_page(browser, viewport=viewport, java_script_enabled=javascript)
    page.goto(url)
    return page.context, page


def size(page) -> dict:
    return page.evaluate(
        "({height: document.documentElement.scrollHeight,"
        " width: document.documentElement.scrollWidth})"
    )


def test_the_dashboard_is_three_screens_at_most_and_never_scrolls_sideways(
    site, browser
):
    measured = {}
    for language in ("", "/ar"):
        for name, viewport in (
            ("desktop", DESKTOP),
            ("phone", PHONE),
            ("small phone", {"width": 320, "height": 640}),
        ):
            context, page = visit(browser, f"{site}{language}/network/", viewport)
            measured[(language or "/en", name)] = dims = size(page)
            assert dims["width"] <= viewport["width"], (language, name, dims)
            if name == "desktop":
                assert dims["height"] <= 3 * DESKTOP["height"], (language, dims)
            # The map scales down with the page.
            box = page.locator("svg.world-map").bounding_box()
            assert box["width"] <= viewport["width"]
            assert page.csp_violations == []
            context.close()
    print("dashboard document sizes:", measured)


def test_each_country_on_the_map_is_a_named_link_with_a_visible_focus(site, browser):
    context, page = visit(browser, site + "/network/")
    shapes = page.locator("svg.world-map a")
    assert shapes.count() == 195  # 196 Parties; the European Union is listed
    kenya = page.get_by_role("link", name=re.compile(r"^Kenya: capacity level \d"))
    assert kenya.count() == 1
    tuvalu = page.get_by_role("link", name=re.compile(r"^Tuvalu: capacity level"))
    assert page.locator("svg.world-map a circle").count() == 30
    assert tuvalu.count() == 1  # a small island state, drawn as a dot
    assert page.get_by_role("link", name="European Union").count() >= 1
    kenya.focus()
    stroke = kenya.locator("path").evaluate(
        "path => getComputedStyle(path).strokeWidth"
    )
    assert stroke == "3px"
    page.keyboard.press("Enter")
    page.wait_for_url("**/africa/kenya/")
    context.close()

    context, page = visit(browser, site + "/fr/network/")
    assert page.get_by_role("link", name=re.compile(r"^Bénin\s?: ")).count() == 1
    context.close()


def test_switching_the_map_and_sorting_the_table_work_without_javascript(site, browser):
    context, page = visit(browser, site + "/network/", javascript=False)
    expect(
        page.get_by_role("heading", name="Parties by capacity level")
    ).to_be_visible()
    assert page.locator("svg.world-map a.fill-level-0").count() > 0
    map_tab(page, "Activity").click()
    assert "map=activity" in page.url
    expect(page.get_by_role("heading", name="Parties by activity")).to_be_visible()
    assert page.locator("svg.world-map a.fill-activity-0").count() > 0
    assert page.locator("svg.world-map a.fill-level-0").count() == 0

    page.get_by_role("link", name="News", exact=True).click()
    assert "sort=news" in page.url and "map=activity" in page.url
    header = page.locator("th[aria-sort]")
    assert header.count() == 1 and header.get_attribute("aria-sort") == "descending"
    page.select_option("#filter-region", "africa")
    page.get_by_role("button", name="Filter").click()
    assert "region=africa" in page.url and "sort=news" in page.url
    regions = page.locator(".dash-table tbody td:nth-child(2)").all_inner_texts()
    assert regions and set(regions) == {"Africa"}
    context.close()


def test_with_javascript_the_map_switches_in_place(site, browser):
    context, page = visit(browser, site + "/network/")
    page.evaluate("window.notReloaded = true")
    map_tab(page, "Activity").click()
    page.get_by_role("heading", name="Parties by activity").wait_for()
    assert "map=activity" in page.url
    assert page.evaluate("window.notReloaded") is True  # no navigation
    map_tab(page, "Capacity level").click()
    page.get_by_role("heading", name="Parties by capacity level").wait_for()
    assert page.csp_violations == []
    context.close()


def test_with_javascript_the_table_filters_and_sorts_in_place(site, browser):
    context, page = visit(browser, site + "/network/")
    page.evaluate("window.notReloaded = true")
    page.select_option("#filter-region", "africa")
    page.fill("#filter-q", "ken")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url(re.compile(r"region=africa"))
    page.get_by_text("1 Party", exact=True).wait_for()
    assert page.locator(".dash-table tbody tr").count() == 1
    page.get_by_role("link", name="Clear").click()
    page.wait_for_url(re.compile(r"/network/#parties$"))
    page.get_by_text("Parties 1 to 15 of 196").wait_for()
    page.locator("#sort-news").click()
    page.wait_for_url(re.compile(r"sort=news"))
    page.locator("th[aria-sort='descending']").wait_for()
    assert page.evaluate("window.notReloaded") is True
    # A country's link in the table still opens its page.
    page.locator("#country-ke").get_by_role("link", name="Kenya").click()
    page.wait_for_url("**/africa/kenya/")
    expect(page.get_by_role("heading", name="Kenya", level=1)).to_be_visible()
    assert page.csp_violations == []
    context.close()
