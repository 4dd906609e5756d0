"""A newcomer and a focal point walk through the site in real Chromium."""

import re

import pytest
from playwright.sync_api import expect

from ..factories import PASSWORD, UserFactory, build_network

# The site's sign-in says "Sign in"; allauth's two-factor step, "Sign In".
SIGN_IN = re.compile(r"^sign in$", re.IGNORECASE)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]


def test_newcomer_browses_from_the_home_page_to_a_country(live_server, page):
    build_network()
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Africa").first.click()
    page.get_by_role("link", name="Benin").click()
    assert page.url.endswith("/africa/benin/")
    expect(page.get_by_role("heading", name="National CHM capacity")).to_be_visible()
    assert "Improve content" in page.content()
    assert page.csp_violations == []


def test_focal_point_signs_in_and_sees_their_name_and_the_admin_link(live_server, page):
    network = build_network()
    from community.national_spaces import assign_focal_point

    focal = UserFactory(email="fp@example.org", display_name="Aïcha Dossou")
    assign_focal_point(focal, network.benin)
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=login]", "fp@example.org")
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name=SIGN_IN).click()
    page.wait_for_url(live_server.url + "/")
    header = page.locator("header.site-header")
    assert "Aïcha Dossou" in header.inner_text()
    expect(header.get_by_role("link", name="Manage")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()
    assert page.csp_violations == []


def test_arabic_pages_are_laid_out_right_to_left(live_server, page):
    build_network()
    page.goto(live_server.url + "/ar/africa/benin/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    direction = page.evaluate("getComputedStyle(document.body).direction")
    assert direction == "rtl"
