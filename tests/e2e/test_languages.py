"""The site in the six UN languages, in real Chromium: the right `lang` and
`dir` everywhere, and an Arabic layout that mirrors the English one."""

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from wagtail.models import Locale

from forum import posting
from forum.models import Forum, ForumIndexPage

from ..factories import UserFactory, build_network

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True),
]

LANGUAGES = [code for code, _name in settings.LANGUAGES]
RTL = {"ar"}


def localized(path: str, language: str) -> str:
    return path if language == settings.LANGUAGE_CODE else f"/{language}{path}"


@pytest.fixture
def site_paths():
    network = build_network()
    for code in LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    network.home.add_child(instance=ForumIndexPage(title="Forums", slug="forums"))
    forum = Forum.objects.create(name="Forest", slug="forest")
    author = UserFactory(date_joined=timezone.now() - timedelta(days=60))
    topic = posting.create_topic(
        forum, author, "Dry forests in Benin", "Who has data on dry forests?"
    )
    return {
        "home": "/",
        "country": "/africa/benin/",
        "topic": topic.get_absolute_url(),
        "search": "/search/?q=benin",
    }


def test_every_page_says_its_language_and_direction_in_six_languages(
    live_server, page, site_paths
):
    for language in LANGUAGES:
        # A fresh reader per language (reading /ar/ makes Arabic sticky).
        page.context.clear_cookies()
        for name, path in site_paths.items():
            response = page.goto(live_server.url + localized(path, language))
            assert response.status == 200, (language, name)
            html = page.locator("html")
            assert html.get_attribute("lang") == language, (language, name)
            expected = "rtl" if language in RTL else "ltr"
            assert html.get_attribute("dir") == expected, (language, name)
            direction = page.evaluate("getComputedStyle(document.body).direction")
            assert direction == expected, (language, name)
    assert page.csp_violations == []


def brand_and_account_positions(page) -> tuple[float, float, float]:
    brand = page.locator(".brand").bounding_box()
    account = page.locator(".account-nav").bounding_box()
    width = page.viewport_size["width"]
    return brand["x"], account["x"], width


def test_the_arabic_home_page_mirrors_the_english_layout(live_server, page, site_paths):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/")
    brand_en, account_en, width = brand_and_account_positions(page)
    assert brand_en < width / 2 < account_en

    page.goto(live_server.url + "/ar/")
    brand_ar, account_ar, width = brand_and_account_positions(page)
    # The brand moves to the right edge, the account links to the left.
    assert brand_ar > width / 2 > account_ar
    skip_link_side = page.evaluate(
        "getComputedStyle(document.querySelector('.skip-link')).right"
    )
    assert skip_link_side != "auto"

    folder = Path(os.environ.get("CHM_SCREENSHOT_DIR", "/tmp/chm-screenshots"))  # noqa: S108
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / "home-ar.png"), full_page=True)
    page.context.clear_cookies()
    page.goto(live_server.url + "/")
    page.screenshot(path=str(folder / "home-en.png"), full_page=True)
    assert (folder / "home-ar.png").stat().st_size > 10_000
