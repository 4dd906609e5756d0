"""Every page type, in the six languages, on a 390 px phone and a 1366 px
desktop, in real Chromium against one daphne server on the demo network:

- the page never scrolls sideways;
- every link of the header's navigation is visible and on screen (on the
  phone, once the menu button has opened the menu);
- axe-core finds no serious or critical violation of the WCAG 2.0-2.2 A and
  AA rules.

The demo network is built once for the module (seed_demo takes half a
minute) and one browser context serves each language and size: the member's
pages are read signed in, sign-up and sign-in before signing in, and the
Wagtail admin's dashboard as a staff member with an authenticator.

Set CHM_AXE_REPORT to a file to get every finding as JSON lines (the counts
by rule in the issue's closing note come from it).
"""

import json
import os
import tempfile

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import override_settings

from ..factories import ensure_wagtail_base, restore_database
from ..live import asgi_server, needs_postgres, session_id
from .axe import serious_violations
from .pages import (
    ANONYMOUS,
    LANGUAGES,
    SIZES,
    STAFF,
    build_demo_world,
    localized,
    page_paths,
)

# The mark makes pytest-django set up the test database (it sets up only the
# databases that marked tests ask for); each test's own transaction is empty.
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db,
    needs_postgres,
    # The demo data and its server are built once per module: keep the
    # module on one worker.
    pytest.mark.xdist_group("page_matrix"),
]

HEADER_LINKS = ".site-header nav a, .site-header .account-nav > a"


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The demo network in the test database, and a server reading it. The
    database is put back as it was afterwards (Django's serialized rollback),
    for the tests that follow."""
    with tempfile.TemporaryDirectory() as media:
        roots = {
            "CHM_MEDIA_ROOT": f"{media}/public",
            "CHM_PRIVATE_MEDIA_ROOT": f"{media}/private",
        }
        with (
            django_db_blocker.unblock(),
            override_settings(
                MEDIA_ROOT=roots["CHM_MEDIA_ROOT"],
                CHM_PRIVATE_MEDIA_ROOT=roots["CHM_PRIVATE_MEDIA_ROOT"],
            ),
        ):
            before = connection.creation.serialize_db_to_string()
            cache.clear()  # rate limits: the demo's reply is written as a member's
            ensure_wagtail_base()
            world = build_demo_world()
            paths = page_paths()
            sessions = {
                "member": session_id(world["member"]),
                "staff": session_id(world["staff"]),
            }
        try:
            with asgi_server(roots) as base:
                yield base, paths, sessions
        finally:
            with django_db_blocker.unblock():
                restore_database(before)


def sign_in(context, base: str, session: str) -> None:
    context.clear_cookies()
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base}]
    )


def header_problems(page, phone: bool) -> list[str]:
    """Header links that are hidden or (partly) off screen."""
    toggle = page.locator(".nav-toggle")
    if phone and toggle.is_visible():
        toggle.click()
    width = page.evaluate("window.innerWidth")
    problems = []
    links = page.locator(HEADER_LINKS)
    for index in range(links.count()):
        link = links.nth(index)
        name = link.inner_text().strip() or link.get_attribute("href")
        box = link.bounding_box()
        if not link.is_visible() or box is None:
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


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_fits_and_passes_axe(site, browser, language, size):
    base, paths, sessions = site
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    page.set_default_timeout(20_000)
    phone = size == "phone"
    report = []
    order = [n for n in paths if n in ANONYMOUS] + [
        n for n in paths if n not in ANONYMOUS + STAFF
    ]
    try:
        for name in order + list(STAFF):
            if name == order[len(ANONYMOUS)]:
                sign_in(context, base, sessions["member"])
            if name in STAFF:
                sign_in(context, base, sessions["staff"])
                context.add_cookies(
                    [
                        {
                            "name": settings.LANGUAGE_COOKIE_NAME,
                            "value": language,
                            "url": base,
                        }
                    ]
                )
            for finding in check(
                page, name, base + localized(paths[name], language), phone
            ):
                report.append(
                    {"page": name, "language": language, "size": size, **finding}
                )
    finally:
        context.close()
    if os.environ.get("CHM_AXE_REPORT"):
        with open(os.environ["CHM_AXE_REPORT"], "a") as out:
            for finding in report:
                out.write(json.dumps(finding) + "\n")
    assert not report, "\n" + "\n".join(
        f"{f['page']} [{f['language']} {f['size']}] {f['rule']}"
        f"{' (' + f['impact'] + ')' if 'impact' in f else ''}: {f['detail']}"
        for f in report
    )
