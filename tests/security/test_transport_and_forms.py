"""CSRF on every POST form, CSP without inline script, websocket origins."""

import re

from asgiref.sync import async_to_sync
from django.test import Client

from ..websocket import communicator, session_cookie
from .matrix import MATRIX

# Deliberate exemptions: the signed token in the URL is the credential, and
# mail clients' one-click unsubscribe posts without a session (csrf_exempt).
CSRF_EXEMPT = {"notifications:unsubscribe"}
POST_FORM = re.compile(r"<form\b[^>]*method=[\"']?post[^>]*>(.*?)</form>", re.I | re.S)
# The footer's language switcher posts without a token on purpose, so pages
# stay the same for everyone and cacheable: its view refuses cross-site POSTs
# by Sec-Fetch-Site/Origin instead (tests/translations/test_language_choice.py).
LANGUAGE_SWITCHER = re.compile(
    r"<form\b[^>]*method=[\"']?post[^>]*action=[\"']?/i18n/setlang/[^>]*>.*?</form>",
    re.I | re.S,
)


def form_pages(world):
    """Every GET row of the matrix, as (url, role) for the first role that may
    see it: the pages that carry the site's forms."""
    for key, checks in sorted(MATRIX.items()):
        if key.startswith(("wagtailadmin", "django-admin", "wagtailapi", "interop:")):
            continue
        for check in checks:
            if check.method != "GET":
                continue
            for role, want in zip(
                ("anon", "member", "focal", "staff"),
                (check.expect.split()[i] for i in (0, 1, 4, 7)),
                strict=True,
            ):
                if want == "200":
                    yield key, check.url(world), role
                    break


def test_every_post_form_on_every_page_carries_a_csrf_token(client, world):
    checked = 0
    for key, url, role in form_pages(world):
        client.logout()
        client.cookies.clear()
        if world.roles[role] is not None:
            client.force_login(world.roles[role])
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get(
            "Content-Type", ""
        ):
            continue
        page = LANGUAGE_SWITCHER.sub("", response.content.decode())
        for form in POST_FORM.findall(page):
            checked += 1
            if key not in CSRF_EXEMPT:
                assert "csrfmiddlewaretoken" in form, f"{key}: a POST form at {url}"
    assert checked >= 20, checked


def test_a_post_without_the_csrf_token_is_refused(world):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.roles["member"])
    for url in ("/notifications/read-all/", "/cooperation/offers/new/"):
        assert client.post(url, {}).status_code == 403, url


def test_public_pages_forbid_inline_script(client, world):
    for url in ("/", "/search/?q=x", "/accounts/login/", world.topic_url):
        policy = client.get(url)["Content-Security-Policy"]
        script = re.search(r"script-src ([^;]*)", policy).group(1)
        assert "'unsafe-inline'" not in script, url
        assert "object-src 'none'" in policy


def test_a_websocket_from_a_foreign_origin_is_refused_even_when_signed_in(world):
    session = session_cookie(world.roles["member"])

    async def attempt(origin):
        ws = communicator(session, origin=origin)
        connected, _code = await ws.connect()
        await ws.disconnect()
        return connected

    # Refused by the origin check before the session is read; the same-origin
    # case is in tests/notifications/test_websocket.py (transactional).
    assert async_to_sync(attempt)("https://evil.example") is False
    assert async_to_sync(attempt)("null") is False
