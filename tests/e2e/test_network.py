"""A newcomer looks at the network dashboard, finds an expert and writes to them."""

import re

import pytest
from playwright.sync_api import expect
from taggit.models import Tag

from community.models import Subject

from ..factories import PASSWORD, UserFactory, build_network

# The site's sign-in says "Sign in"; allauth's two-factor step, "Sign In".
SIGN_IN = re.compile(r"^sign in$", re.IGNORECASE)


def map_tab(page, name: str):
    tabs = page.get_by_role("navigation", name="Colour the map by")
    return tabs.get_by_role("link", name=name, exact=True)


pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]


def test_dashboard_charts_render_and_colouring_switches(live_server, page):
    build_network()
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Dashboard").click()
    expect(
        page.get_by_role("heading", name="Parties by capacity level")
    ).to_be_visible()
    assert page.locator("svg rect.bar").count() == 6
    map_tab(page, "Activity").click()
    page.get_by_role("heading", name="Parties by activity").wait_for()
    assert "map=activity" in page.url
    assert page.locator("svg.world-map a.fill-activity-0").count() == 3
    assert page.csp_violations == []


def test_newcomer_finds_an_expert_and_sends_a_message(live_server, page):
    network = build_network()
    tag = Tag.objects.create(name="Forest", slug="forest")
    Subject.objects.create(tag=tag, code="CBD-SUBJECT-FOR", kind="thematic")
    expert = UserFactory(
        username="wanjiru", display_name="Wanjiru Kamau", country=network.kenya
    )
    expert.expertise.add(tag)
    UserFactory(username="newcomer", email="new@example.org", display_name="Newcomer")
    page.goto(live_server.url + "/accounts/login/")
    page.fill("input[name=login]", "new@example.org")
    page.fill("input[name=password]", PASSWORD)
    page.get_by_role("button", name=SIGN_IN).click()
    page.wait_for_url(live_server.url + "/")
    page.get_by_role("link", name="Experts").click()
    page.select_option("#id_subject", "forest")
    page.get_by_role("button", name="Find experts").click()
    page.get_by_role("link", name="Wanjiru Kamau").click()
    page.get_by_role("link", name="Send a message").click()
    page.fill("textarea[name=body]", "Could you advise on forest monitoring?")
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.get_by_text("Your message was sent.")).to_be_visible()
    expect(page.get_by_text("Could you advise on forest monitoring?")).to_be_visible()
    assert page.csp_violations == []
