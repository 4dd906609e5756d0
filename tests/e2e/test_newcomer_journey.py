"""A newcomer's first visit, in French, from the home page to a live reply:
language switcher, search, a toolkit download, sign-up with email
verification, following a forum, a notification that arrives by websocket
while another member writes, and a reply. Real Chromium against a real daphne
server in its own process, which writes its mail to a folder the test reads.
"""

import email
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.models import Locale

from forum.models import Forum, ForumIndexPage, Post, Topic
from toolkits.models import (
    ToolkitLanguage,
    ToolkitLibraryPage,
    ToolkitPage,
    ToolkitResource,
)

from ..factories import PDF, UserFactory, build_network, ensure_wagtail_base
from ..live import asgi_server, needs_postgres, session_id

pytestmark = [
    pytest.mark.e2e,
    # Transactional: the browser's server reads what the test writes. Not
    # serialized_rollback: after another transactional test's flush has
    # recreated the content types, reloading them collides.
    pytest.mark.django_db(transaction=True),
    needs_postgres,
]

PASSWORD = "Mangroves-2026-vertes"  # noqa: S105


def toolkit_with_a_file(home) -> ToolkitPage:
    library = home.add_child(
        instance=ToolkitLibraryPage(title="Toolkits", slug="toolkits")
    )
    page = ToolkitPage(
        title="Mangrove restoration toolkit",
        slug="mangrove-restoration",
        summary="Steps to replant mangroves with local communities.",
    )
    page.toolkit_languages.add(ToolkitLanguage(language="fr"))
    page.resources.add(
        ToolkitResource(
            title="Guide",
            file=ContentFile(PDF, name="mangrove-guide.pdf"),
            language="fr",
        )
    )
    page = library.add_child(instance=page)
    page.save_revision().publish()
    return page


def language_of(page) -> str:
    return page.locator("html").get_attribute("lang")


def sent_mail(folder: Path) -> list[email.message.Message]:
    """The messages the server wrote (the file backend separates them with a
    line of dashes), decoded whatever their transfer encoding."""
    messages = []
    for path in sorted(folder.glob("*.log")):
        for chunk in path.read_bytes().split(b"-" * 79):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk.strip() + b"\n"))
    return messages


def text_of(message) -> str:
    parts = message.walk() if message.is_multipart() else [message]
    for part in parts:
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode(part.get_content_charset())
    return ""


def test_a_newcomer_finds_downloads_joins_follows_and_replies_in_french(
    browser, tmp_path, settings
):
    ensure_wagtail_base()  # a previous transactional test's flush took the root page
    network = build_network()
    for code in ("en", "fr"):
        Locale.objects.get_or_create(language_code=code)
    network.home.add_child(instance=ForumIndexPage(title="Forums", slug="forums"))
    Forum.objects.create(name="Forest", slug="forest")
    settings.MEDIA_ROOT = tmp_path / "media"
    toolkit = toolkit_with_a_file(network.home)
    writer = UserFactory(
        display_name="Awa Writer", date_joined=timezone.now() - timedelta(days=60)
    )
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()

    server_env = {
        "CHM_TEST_EMAIL_DIR": str(mail_dir),
        "CHM_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "CHM_PRIVATE_MEDIA_ROOT": str(settings.CHM_PRIVATE_MEDIA_ROOT),
    }
    with asgi_server(server_env) as base:
        context = browser.new_context(accept_downloads=True)
        page = context.new_page()

        # The home page, in English, then French from the footer's switcher.
        page.goto(base + "/")
        assert language_of(page) == "en"
        page.locator(".language-switcher button[value=fr]").click()
        page.wait_for_load_state()
        assert language_of(page) == "fr"
        assert "/fr/" in page.url

        # Search finds the toolkit; its page stays in French.
        page.fill("#header-search", "mangrove")
        page.press("#header-search", "Enter")
        page.wait_for_url(re.compile(r"/fr/search/"))
        assert language_of(page) == "fr"
        page.get_by_role("link", name="Mangrove restoration toolkit").first.click()
        page.wait_for_load_state()
        assert language_of(page) == "fr"
        assert page.locator("h1").inner_text() == "Mangrove restoration toolkit"

        # Download the guide: a real PDF arrives, and the counter says so.
        with page.expect_download() as download_info:
            page.locator("a.download").first.click()
        download = download_info.value
        assert download.suggested_filename.endswith(".pdf")
        assert Path(download.path()).read_bytes() == PDF
        toolkit.refresh_from_db()
        assert toolkit.download_count == 1
        page.reload()
        assert page.locator(".download-count").first.inner_text().startswith("1 ")

        # Join: allauth's sign-up form, then the verification link by mail.
        page.locator(".account-nav a[href*='/accounts/signup/']").click()
        page.wait_for_load_state()
        assert language_of(page) == "fr"
        page.fill("input[name=email]", "nouvelle@example.org")
        page.fill("input[name=username]", "nouvelle")
        page.fill("input[name=password1]", PASSWORD)
        page.fill("input[name=password2]", PASSWORD)
        page.locator("form:has(input[name=password2]) [type=submit]").click()
        page.wait_for_load_state()
        assert language_of(page) == "fr"
        messages = sent_mail(mail_dir)
        assert [m["To"] for m in messages] == ["nouvelle@example.org"]
        link = re.search(r"https?://\S+/confirm-email/\S+/", text_of(messages[0]))
        assert link, text_of(messages[0])
        page.goto(link.group(0))
        assert language_of(page) == "fr"
        page.locator("form[action*='confirm-email'] [type=submit]").click()
        page.wait_for_load_state()
        assert language_of(page) == "fr"
        assert page.locator("form[action*='/accounts/logout/']").count() == 1

        # Follow the forum (watch every new topic).
        page.goto(base + "/fr/forums/forest/")
        assert language_of(page) == "fr"
        page.locator(".follow-toggle [aria-pressed=false]").click()
        page.locator(".follow-toggle [aria-pressed=true]").wait_for()
        assert page.locator("#bell-count").is_hidden()
        page.wait_for_function(
            "window.performance.getEntriesByType('resource')"
            ".some(e => e.name.includes('notifications.js'))"
        )
        page.wait_for_timeout(500)  # the socket connects
        marker = page.evaluate("window.__marker = Math.random()")

        # Meanwhile another member starts a topic there, in another browser.
        other = browser.new_context()
        other.add_cookies(
            [{"name": "sessionid", "value": session_id(writer), "url": base}]
        )
        writer_page = other.new_page()
        writer_page.goto(base + "/forums/forest/new/")
        writer_page.fill("input[name=title]", "Mangroves et pêche artisanale")
        writer_page.fill("textarea[name=body]", "Qui a des résultats ?")
        writer_page.locator(
            "form:has(textarea[name=body]) [data-composer-submit]"
        ).click()
        writer_page.wait_for_load_state()
        other.close()

        # The bell rises on the open page, without a reload.
        page.wait_for_selector("#bell-count:not([hidden])", timeout=5000)
        assert page.locator("#bell-count").inner_text() == "1"
        assert page.evaluate("window.__marker") == marker
        page.locator("#bell").click()
        panel = page.locator("#bell-panel")
        assert "Mangroves et pêche artisanale" in panel.inner_text()
        panel.get_by_role("link", name=re.compile("Mangroves et pêche")).first.click()
        page.wait_for_load_state()
        assert language_of(page) == "fr"

        # And the newcomer replies.
        page.fill("textarea[name=body]", "Nous replantons avec les pêcheurs.")
        page.locator("form:has(textarea[name=body]) [data-composer-submit]").click()
        page.wait_for_selector("#post-2")
        assert "Nous replantons" in page.locator("#post-2").inner_text()
        assert language_of(page) == "fr"
        context.close()

    topic = Topic.objects.get(title="Mangroves et pêche artisanale")
    reply = Post.objects.get(topic=topic, number=2)
    assert reply.author.email == "nouvelle@example.org"
    # Joined in French: French it stays, on another device and in emails.
    assert reply.author.preferred_language == "fr"
    assert reply.language == "fr"
