"""The XSS corpus, written into every kind of page, opened in real Chromium:
no dialog may open and no payload may set `window.__xss`."""

from datetime import timedelta

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone
from taggit.models import Tag

from blog.harvesting import import_entries, parse_feed
from blog.models import BlogPostPage
from community.models import Subject
from community.national_spaces import assign_focal_point
from cooperation.requesting import RequestDraft, create_request
from messaging.models import Message
from toolkits.models import (
    ToolkitLanguage,
    ToolkitLibraryPage,
    ToolkitPage,
    ToolkitResource,
)

from ..factories import (
    PDF,
    ForumFactory,
    ForumIndexPageFactory,
    UserFactory,
    build_network,
    make_topic,
)
from ..security.xss_corpus import STORABLE as PAYLOADS

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Most payloads open a dialog; the rest set this flag.
FLAG = "typeof window.__xss !== 'undefined'"


def joined(limit: int) -> str:
    return "\n\n".join(PAYLOADS)[:limit]


def harvested_news(country):
    from xml.sax.saxutils import escape

    items = "".join(
        f"<item><title>News {n}</title><link>https://bj.example/{n}</link>"
        f"<guid>x-{n}</guid><description>{escape(payload)}</description></item>"
        for n, payload in enumerate(PAYLOADS[:40])
    )
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        f"<link>https://bj.example/</link><description>d</description>{items}"
        "</channel></rss>"
    ).encode()
    import_entries(country, parse_feed(body))
    news = BlogPostPage.objects.filter(country=country).first()
    # One page holding the whole corpus too, as a national editor's intro.
    news.intro = joined(500)
    news.save()
    return news


@pytest.fixture
def hostile_site(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    network = build_network()
    old = timezone.now() - timedelta(days=60)
    author = UserFactory(
        username="author",
        display_name=PAYLOADS[0][:80],
        organisation=PAYLOADS[20][:200],
        position=PAYLOADS[100][:200],
        bio=joined(2000),
        date_joined=old,
        country=network.benin,
    )
    assign_focal_point(author, network.benin)
    reader = UserFactory(username="reader", date_joined=old)

    ForumIndexPageFactory(parent=network.home)
    forum = ForumFactory(name="Forest", slug="forest")
    topic = make_topic(forum, author, title=PAYLOADS[1], texts=PAYLOADS)
    topic.tags.add(Tag.objects.create(name=PAYLOADS[2][:100], slug="hostile"))

    Message.objects.bulk_create(
        Message(sender=author, recipient=reader, body=p) for p in PAYLOADS
    )

    network.home.refresh_from_db()
    library = network.home.add_child(
        instance=ToolkitLibraryPage(title="Toolkits", slug="toolkits")
    )
    toolkit = ToolkitPage(
        title=PAYLOADS[3],
        slug="hostile",
        summary=joined(500),
        publisher=PAYLOADS[5][:200],
        authors=PAYLOADS[6][:500],
        version=PAYLOADS[7][:40],
    )
    toolkit.toolkit_languages.add(ToolkitLanguage(language="en"))
    for payload in PAYLOADS[:20]:
        toolkit.resources.add(
            ToolkitResource(
                title=payload[:255],
                file=ContentFile(PDF, name=f"{payload.replace('/', '')[:60]}.pdf"),
                language="en",
            )
        )
    toolkit = library.add_child(instance=toolkit)

    forest = Subject.objects.create(
        code="CBD-SUBJECT-FOR",
        tag=Tag.objects.create(name="Forest", slug="forest"),
        kind="thematic",
    )
    coop = create_request(
        author,
        RequestDraft(
            title=PAYLOADS[8][:200],
            problem=joined(5000),
            country=network.benin,
            contact_name=PAYLOADS[9][:120],
            contact_email="a@example.org",
            organisation=PAYLOADS[10][:200],
            assistance_types=["technical"],
            subjects=[forest],
            languages=["fr"],
            deadline=timezone.localdate() + timedelta(days=60),
        ),
    )
    network.benin.refresh_from_db()
    news = harvested_news(network.benin)
    return {
        "reader": reader,
        "pages": [
            topic.get_absolute_url(),
            "/forums/forest/",
            "/members/author/",
            "/experts/",
            news.url,
            network.benin.url,
            toolkit.url,
            library.url,
            "/tags/hostile/",
            f"/cooperation/requests/{coop.pk}/",
            "/cooperation/",
        ]
        + [f"/search/?q={p}" for p in ("alert", "script", "onerror")],
        "signed_in": ["/messages/with/author/", "/messages/"],
    }


def visit(page, url: str) -> list[str]:
    """Open `url`, give load-time handlers a moment, return what ran."""
    ran = []
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_timeout(150)
    if page.evaluate(FLAG):
        ran.append(f"window.__xss set on {url}")
    return ran


def test_no_payload_runs_in_a_real_browser(live_server, browser, hostile_site):
    from urllib.parse import quote

    context = browser.new_context()
    page = context.new_page()
    dialogs = []

    def on_dialog(dialog):
        dialogs.append(f"{dialog.type}: {dialog.message} on {page.url}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    # A payload the Content-Security-Policy blocked did not run, but it got
    # through the sanitizer or an escape: that counts as a failure too.
    blocked = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    # The watchers work: a dialog opened by script is seen.
    page.goto(live_server.url + "/")
    page.evaluate("setTimeout(() => alert('probe'), 0)")
    page.wait_for_timeout(100)
    assert dialogs and "probe" in dialogs[0]
    dialogs.clear()
    ran = []
    for url in hostile_site["pages"]:
        ran += visit(page, live_server.url + quote(url, safe="/?=&"))
    for payload in PAYLOADS[::5]:
        ran += visit(page, live_server.url + "/search/?q=" + quote(payload))

    client = Client()
    client.force_login(hostile_site["reader"])
    context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    for url in hostile_site["signed_in"]:
        ran += visit(page, live_server.url + url)
        assert "/accounts/login" not in page.url
    context.close()
    assert not dialogs, dialogs
    assert not ran, ran
    assert not blocked, blocked
