"""Every field a member (or a harvested feed) can write, filled with the XSS
corpus and rendered everywhere it shows: pages, feeds, e-mails, API, widgets.

A test fails when the output holds a script element, an event-handler
attribute or a javascript:/data: URL that a browser would act on."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.cache import cache
from django.utils import timezone
from taggit.models import Tag

from blog.harvesting import import_entries, parse_feed
from community.models import User
from cooperation.offering import OfferDraft, create_offer
from cooperation.requesting import RequestDraft, create_request
from forum.cooking import cook
from forum.models import Post
from messaging.sending import send_message

from ..factories import UserFactory, enrol_in_two_factor, established, make_topic
from .checks import feed_problems, html_problems, json_problems
from .xss_corpus import PAYLOADS, STORABLE


def assert_clean(where: str, body, kind: str = "html"):
    if isinstance(body, bytes):
        text = body
    else:
        text = body.encode()
    if kind == "feed":
        problems = feed_problems(text)
    elif kind == "json":
        problems = json_problems(text)
    else:
        problems = html_problems(text.decode())
    assert not problems, f"{where}: {problems[:5]}"


def get_ok(client, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content


@pytest.fixture
def hostile_forum(forums):
    """One topic per payload: the payload is its title, its first post's
    Markdown and its tag."""
    author = established(username="author")
    UserFactory(username="member")  # so @member mentions get linked
    topics = []
    for n, payload in enumerate(STORABLE):
        topic = make_topic(forums.public, author, title=payload[:200], texts=[payload])
        tag, _ = Tag.objects.get_or_create(name=payload[:100], slug=f"hostile-{n}")
        topic.tags.add(tag)
        topics.append(topic)
    return topics


def test_cooked_markdown_never_holds_script(db):
    UserFactory(username="member")
    for payload in PAYLOADS:
        html, _ = cook(payload)
        assert not html_problems(html), (payload, html)


def test_forum_pages_feeds_api_and_widgets_show_hostile_titles_posts_and_tags_inert(
    client, forums, hostile_forum
):
    forum_url = f"/forums/{forums.public.slug}/"
    page = 1
    while True:
        response = client.get(f"{forum_url}?page={page}")
        if response.status_code == 404 or page > 20:
            break
        assert response.status_code == 200
        assert_clean(f"topic list page {page}", response.content)
        if b'rel="next"' not in response.content:
            break
        page += 1
    for topic in hostile_forum:
        assert_clean(f"topic {topic.title!r}", get_ok(client, topic.get_absolute_url()))
    for feed in (
        "/feeds/forums.rss",
        "/feeds/forums.atom",
        f"/feeds{forum_url[:-1]}.rss",
    ):
        assert_clean(feed, get_ok(client, feed), "feed")
    for topic in hostile_forum[:: max(1, len(hostile_forum) // 10)]:
        assert_clean(
            "topic feed",
            get_ok(client, f"/feeds/forums/topics/{topic.pk}.atom"),
            "feed",
        )
    for api in ("/api/v2/topics/?limit=100", "/api/v2/posts/?limit=100"):
        assert_clean(api, get_ok(client, api), "json")
    assert_clean(
        "topics widget", get_ok(client, "/widgets/embed/topics/?limit=10&forum=forest")
    )
    # The moderators' queue shows flagged posts cut short (truncatewords_html)
    # and the flag's details.
    from community.national_spaces import make_moderator
    from forum.models import Flag

    moderator = enrol_in_two_factor(established(username="moderator"))
    make_moderator(moderator)
    Flag.objects.bulk_create(
        Flag(post=post, reporter=moderator, reason="spam", text=post.raw[:1000])
        for post in Post.objects.all()
    )
    client.force_login(moderator)
    assert_clean("moderation queue", get_ok(client, "/forums/moderation/"))
    post = Post.objects.first()
    assert_clean("flag form", get_ok(client, f"/forums/post/{post.pk}/flag/"))
    client.logout()
    for tag in Tag.objects.filter(slug__startswith="hostile-")[::7]:
        assert_clean(f"tag page {tag.name!r}", get_ok(client, f"/tags/{tag.slug}/"))
        assert_clean(
            "tag feed", get_ok(client, f"/feeds/forums/tags/{tag.slug}.rss"), "feed"
        )


def test_profiles_and_the_expert_directory_show_hostile_profile_fields_inert(
    client, network
):
    members = []
    for n, payload in enumerate(STORABLE):
        members.append(
            UserFactory(
                username=f"hostile{n}",
                display_name=payload[:80],
                organisation=payload[:200],
                position=payload[:200],
                bio=payload,
                country=network.benin,
                listed_in_directory=True,
            )
        )
        members[-1].expertise.add("forest")
    for member in members:
        assert_clean(
            f"profile of {member.display_name!r}",
            get_ok(client, f"/members/{member.username}/"),
        )
    page = 1
    while page <= 20:
        response = client.get(f"/experts/?page={page}")
        if response.status_code != 200:
            break
        assert_clean(f"directory page {page}", response.content)
        if b'rel="next"' not in response.content:
            break
        page += 1
    assert_clean("directory search", get_ok(client, "/experts/?q=script"))


def test_private_messages_and_their_emails_show_hostile_bodies_and_names_inert(
    client, db, django_capture_on_commit_callbacks
):
    from notifications.emails import send_digests
    from notifications.models import Notification, NotificationSettings

    reader = established(username="reader", email="reader@example.org")
    NotificationSettings.objects.update_or_create(
        user=reader, defaults={"email_frequency": "immediate"}
    )
    for n, payload in enumerate(STORABLE[:40]):
        sender = established(username=f"sender{n}", display_name=payload[:80])
        cache.clear()  # the pace limit between messages
        with django_capture_on_commit_callbacks(execute=True):
            send_message(sender, reader, payload)
    for n, payload in enumerate(STORABLE[40:]):
        cache.clear()
        with django_capture_on_commit_callbacks(execute=True):
            send_message(
                User.objects.get(username=f"sender{n % 40}"), reader, payload + f" #{n}"
            )
    client.force_login(reader)
    assert_clean("inbox", get_ok(client, "/messages/"))
    assert_clean("notifications", get_ok(client, "/notifications/"))
    for n in range(40):
        assert_clean("thread", get_ok(client, f"/messages/with/sender{n}/"))
    # The same notices again, as a daily digest. Reading the threads marked
    # them read (a digest lists unread notices only): unread them first.
    NotificationSettings.objects.filter(user=reader).update(email_frequency="daily")
    Notification.objects.update(emailed_at=None, read_at=None)
    assert send_digests(timezone.now() + timedelta(days=2))
    html_mails = [
        (email.subject, content)
        for email in mail.outbox
        for content, mimetype in getattr(email, "alternatives", [])
        if mimetype == "text/html"
    ]
    assert html_mails, "the messages were e-mailed"
    for subject, content in html_mails:
        assert_clean(f"e-mail {subject!r}", content)


def test_search_echoes_hostile_queries_inert(client, db, settings):
    # One visitor sends the whole corpus: lift the per-client search limit.
    settings.CHM_SEARCH_RATE_LIMIT = "1000/m"
    settings.CHM_SUGGEST_RATE_LIMIT = "1000/m"
    for n, payload in enumerate(PAYLOADS):
        response = client.get("/search/", {"q": payload})
        assert response.status_code in (200, 400)
        assert_clean(f"search for {payload!r}", response.content)
        if n % 3:
            continue  # suggestions: a third of the corpus keeps the run short
        response = client.get("/search/suggest/", {"q": payload})
        assert response.status_code in (200, 400)
        if response["Content-Type"].startswith("application/json"):
            assert_clean("suggestions", response.content, "json")
        else:
            assert_clean("suggestions", response.content)


def test_harvested_feed_items_show_inert_on_news_pages_and_feeds(client, network):
    from xml.sax.saxutils import escape

    def rss(chunk) -> bytes:
        items = "".join(
            f"<item><title>News {n}: {escape(payload)}</title>"
            f"<link>https://bj.example/{n}</link><guid>hostile-{n}</guid>"
            f"<description>{escape(payload)}</description><content:encoded>"
            f"<![CDATA[{payload.replace(']]>', '')}]]></content:encoded></item>"
            for n, payload in chunk
        )
        return (
            '<?xml version="1.0"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{escape(STORABLE[0])}</title><link>https://bj.example/</link>"
            f"<description>d</description>{items}</channel></rss>"
        ).encode()

    numbered = list(enumerate(STORABLE))
    imported = 0
    # The harvester reads a bounded number of items per run: feed it in parts.
    for start in range(0, len(numbered), 40):
        network.benin.refresh_from_db()
        imported += import_entries(
            network.benin, parse_feed(rss(numbered[start : start + 40]))
        )
    assert imported > len(STORABLE) // 2
    from blog.models import BlogPostPage

    for post in BlogPostPage.objects.filter(country=network.benin):
        assert_clean(f"news {post.title!r}", get_ok(client, post.url))
    assert_clean("country page", get_ok(client, network.benin.url))
    for feed in ("/feeds/news.rss", "/feeds/news.atom", "/feeds/countries/bj.rss"):
        assert_clean(feed, get_ok(client, feed), "feed")
    assert_clean(
        "news widget", get_ok(client, "/widgets/embed/news/?limit=10&country=BJ")
    )
    assert_clean(
        "pages API",
        get_ok(
            client, "/api/v2/pages/?type=blog.BlogPostPage&fields=intro,body&limit=20"
        ),
        "json",
    )


def test_cooperation_requests_and_offers_show_hostile_fields_inert(
    client, network, subjects
):
    owner = established(username="requester", country=network.benin)
    from community.national_spaces import assign_focal_point

    assign_focal_point(owner, network.benin)
    requests, offers = [], []
    for n, payload in enumerate(STORABLE):
        text = payload + f" {n}"
        requests.append(
            create_request(
                owner,
                RequestDraft(
                    title=text[:200],
                    problem=text,
                    country=network.benin,
                    contact_name=text[:120],
                    contact_email="a@example.org",
                    organisation=text[:200],
                    assistance_types=["technical"],
                    subjects=[subjects.forest],
                    languages=["fr"],
                    deadline=timezone.localdate() + timedelta(days=60),
                ),
            )
        )
        offers.append(
            create_offer(
                owner,
                OfferDraft(
                    title=text[:200],
                    description=text,
                    organisation=text[:200],
                    assistance_types=["technical"],
                    subjects=[subjects.forest],
                    languages=["fr"],
                ),
            )
        )
    client.force_login(owner)
    for coop in requests:
        assert_clean("request", get_ok(client, f"/cooperation/requests/{coop.pk}/"))
    for offer in offers:
        assert_clean("offer", get_ok(client, f"/cooperation/offers/{offer.pk}/"))
    for url in (
        "/cooperation/",
        "/cooperation/offers/",
        "/cooperation/?page=2",
        "/cooperation/offers/?page=2",
    ):
        response = client.get(url)
        assert response.status_code in (200, 404)
        assert_clean(url, response.content)
    for feed in ("/feeds/cooperation/requests.rss", "/feeds/cooperation/offers.atom"):
        assert_clean(feed, get_ok(client, feed), "feed")


def test_toolkit_metadata_and_resource_names_show_inert(client, network, library):
    from django.core.files.base import ContentFile

    from tests.factories import PDF
    from toolkits.models import ToolkitLanguage, ToolkitPage, ToolkitResource

    pages = []
    for n, payload in enumerate(STORABLE):
        library.refresh_from_db()
        page = ToolkitPage(
            title=payload[:255],
            slug=f"hostile-{n}",
            summary=payload[:500],
            publisher=payload[:200],
            authors=payload[:500],
            version=payload[:40],
        )
        page.toolkit_languages.add(ToolkitLanguage(language="en"))
        page.resources.add(
            ToolkitResource(
                title=payload[:255],
                file=ContentFile(PDF, name=payload.replace("/", "")[:80] + ".pdf"),
                language="en",
            )
        )
        page = library.add_child(instance=page)
        pages.append(page)
    for page in pages:
        assert_clean(f"toolkit {page.title!r}", get_ok(client, page.url))
    for number in range(1, 20):
        response = client.get(library.url, {"page": number})
        assert response.status_code in (200, 404)
        assert_clean(f"library page {number}", response.content)
        if b'rel="next"' not in response.content:
            break
    assert_clean("library search", get_ok(client, library.url + "?q=script"))
    for feed in ("/feeds/toolkits.rss", "/feeds/toolkits.atom"):
        assert_clean(feed, get_ok(client, feed), "feed")
