"""Every page type, in the six languages, on a 390 px phone and a 1366 px
desktop (a test for each), in real Chromium against a daphne server on the
demo network:

- the page never scrolls sideways;
- every link of the header's navigation is visible and on screen (on the
  phone, once the menu button has opened the menu);
- axe-core finds no serious or critical violation of the WCAG 2.0-2.2 A and
  AA rules.

The languages fall in two halves, each an xdist group, so that under
pytest-xdist two workers share the matrix, side by side. A worker reads the
demo network in a database of its own for its half (a copy of the one the
process seeds once, `demo_network`), with a member's own pages filled in, and
starts one server on it; one browser context serves each language and size.
The member's pages are read signed in, sign-up and sign-in signed out, and the
Wagtail admin's dashboard as a staff member with an authenticator.

Set CHM_AXE_REPORT to a file to get every finding as JSON lines (the counts
by rule in the issue's closing note come from it).
"""

import json
import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings

from ..live import asgi_server, needs_postgres, session_id
from .axe import serious_violations
from .pages import (
    ANONYMOUS,
    LANGUAGES,
    PAGE_TYPES,
    SIZES,
    STAFF,
    add_member_world,
    base_for,
    localized,
    page_paths,
)

# The mark makes pytest-django set up the test database (it sets up only the
# databases that marked tests ask for); each test's own transaction is empty.
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db,
    needs_postgres,
]

# Two xdist groups: the first three languages and the last three, both sizes
# and every page type each. A group's tests run together on one worker, which
# builds the demo data and its server once for them; the two groups are the
# largest of the suite, so pytest-xdist hands them out first, one per worker.
HALVES = 2


def matrix() -> list:
    cases = []
    for position, language in enumerate(LANGUAGES):
        group = f"page_matrix_{position * HALVES // len(LANGUAGES)}"
        for size in SIZES:
            for name in PAGE_TYPES:
                cases.append(
                    pytest.param(
                        language,
                        size,
                        name,
                        marks=pytest.mark.xdist_group(group),
                        id=f"{language}-{size}-{name}",
                    )
                )
    return cases


HEADER_LINKS = ".site-header nav a, .site-header .account-nav > a"


@pytest.fixture(scope="module")
def site(demo_network, django_db_blocker):
    """The demo network in a database of the module's own (`demo_network`),
    what a member's own pages need added, and a server reading it."""
    with (
        django_db_blocker.unblock(),
        override_settings(
            MEDIA_ROOT=demo_network["CHM_MEDIA_ROOT"],
            CHM_PRIVATE_MEDIA_ROOT=demo_network["CHM_PRIVATE_MEDIA_ROOT"],
        ),
    ):
        cache.clear()  # rate limits: the demo's reply is written as a member's
        world = add_member_world()
        paths = page_paths()
        sessions = {
            "member": session_id(world["member"]),
            "staff": session_id(world["staff"]),
        }
    with asgi_server(demo_network) as base:
        yield base, paths, sessions


@pytest.fixture(autouse=True)
def _fresh_cache():
    """In place of the suite's cache.clear() before every test: the server's
    cache (the worker's Redis database) is cleared once, when `site` builds
    the demo network, and then fills as a reader's visits would fill it,
    instead of being emptied before each of the 312 pages."""
    yield


@pytest.fixture(scope="module")
def tabs(browser):
    """One browser page (in its own context) per language and size, reused
    by that language and size's page types. The tests come language by
    language and size by size: a tab is closed (with its notification
    websocket) when the next language or size opens its own, rather than left
    running beside the others until the module ends."""
    current = {}

    def tab(language: str, size: str):
        if current.get("key") != (language, size):
            if "page" in current:
                current["page"].context.close()
            context = browser.new_context(viewport=SIZES[size])
            page = context.new_page()
            page.set_default_timeout(20_000)
            current.update(key=(language, size), page=page)
        return current["page"]

    yield tab
    if "page" in current:
        current["page"].context.close()


def sign_in(context, base: str, session: str) -> None:
    context.clear_cookies()
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base}]
    )


# Each header link's name, visibility and horizontal extent, read in one call
# into the page rather than several per link; visible as Playwright means it:
# a non-empty box, and not `visibility: hidden`.
HEADER_LINK_BOXES = """(selector) => ({
  width: window.innerWidth,
  links: [...document.querySelectorAll(selector)].map((link) => {
    const box = link.getBoundingClientRect();
    return {
      name: link.innerText.trim() || link.getAttribute("href"),
      visible: box.width > 0 && box.height > 0
        && getComputedStyle(link).visibility !== "hidden",
      x: box.x,
      width: box.width,
    };
  }),
})"""


def header_problems(page, phone: bool) -> list[str]:
    """Header links that are hidden or (partly) off screen."""
    toggle = page.locator(".nav-toggle")
    if phone and toggle.is_visible():
        toggle.click()
    header = page.evaluate(HEADER_LINK_BOXES, HEADER_LINKS)
    width = header["width"]
    problems = []
    for box in header["links"]:
        name = box["name"]
        if not box["visible"]:
            problems.append(f"header link {name!r} is not visible")
        elif box["x"] < 0 or box["x"] + box["width"] > width + 0.5:
            problems.append(
                f"header link {name!r} is off screen "
                f"(x {box['x']:.0f} to {box['x'] + box['width']:.0f}, width {width})"
            )
    if phone and toggle.is_visible():
        toggle.click()
    return problems


def check(page, name: str, url: str, phone: bool) -> list[dict]:
    response = page.goto(url)
    if response is not None and response.status == 503:
        # "Back in a moment": the database refused a connection while these
        # 2 cores were saturated. Ask again once, as the page tells readers to.
        page.wait_for_timeout(2000)
        response = page.goto(url)
    status = response.status if response else None
    findings = []
    expected = 404 if name == "404" else 200
    if status != expected:
        findings.append({"rule": "http-status", "detail": f"{status}, not {expected}"})
    if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
        wide = page.evaluate("document.documentElement.scrollWidth")
        findings.append({"rule": "scroll-width", "detail": f"page is {wide} px wide"})
    if name not in STAFF:
        for problem in header_problems(page, phone):
            findings.append({"rule": "header-nav", "detail": problem})
    for violation in serious_violations(page):
        findings.append(
            {
                "rule": violation["id"],
                "impact": violation["impact"],
                "detail": ", ".join(violation["targets"][:8])
                + (" ..." if len(violation["targets"]) > 8 else ""),
                "count": len(violation["targets"]),
            }
        )
    return findings


@pytest.mark.parametrize(("language", "size", "name"), matrix())
def test_every_page_type_fits_and_passes_axe(site, tabs, language, size, name):
    base, paths, sessions = site
    assert list(paths) == list(PAGE_TYPES), "pages.PAGE_TYPES is out of date"
    page = tabs(language, size)
    context = page.context
    if name in ANONYMOUS:
        context.clear_cookies()
    elif name in STAFF:
        sign_in(context, base, sessions["staff"])
        context.add_cookies(
            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base}]
        )
    else:
        sign_in(context, base, sessions["member"])
    url = base_for(base, name) + localized(paths[name], language)
    report = [
        {"page": name, "language": language, "size": size, **finding}
        for finding in check(page, name, url, phone=size == "phone")
    ]
    if os.environ.get("CHM_AXE_REPORT"):
        with open(os.environ["CHM_AXE_REPORT"], "a") as out:
            for finding in report:
                out.write(json.dumps(finding) + "\n")
    assert not report, "\n" + "\n".join(
        f"{f['page']} [{f['language']} {f['size']}] {f['rule']}"
        f"{' (' + f['impact'] + ')' if 'impact' in f else ''}: {f['detail']}"
        for f in report
    )
