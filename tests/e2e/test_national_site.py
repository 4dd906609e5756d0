"""A country's national site in real Chromium: its address on a phone."""

from urllib.parse import urlsplit

import pytest

from ..factories import build_network
from .browser import open_page

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def test_benin_s_national_address_shows_its_page_on_a_phone(live_server, browser):
    build_network()
    port = urlsplit(live_server.url).port
    page = open_page(browser, viewport=PHONE)
    try:
        response = page.goto(f"http://bj.localhost:{port}/")
        assert response.status == 200
        assert "Benin" in page.locator("h1").first.inner_text()
        assert not page.evaluate(
            "document.documentElement.scrollWidth > window.innerWidth"
        )
        assert page.csp_violations == []
    finally:
        page.context.close()
