"""A Party's name in the reader's language wherever it is shown (issue #19, 19):
page titles, headings, feed titles and notifications, not only the heading."""

import re

import feedparser
import pytest
from django.core import mail

from blog.audiences import news_published
from blog.models import BlogPostPage
from notifications.emails import send_digests
from notifications.models import (
    EmailFrequency,
    Notification,
    NotificationSettings,
    WatchLevel,
)
from notifications.subscriptions import set_watch_level
from translations.names import place_name

from ..factories import UserFactory

BENIN = {
    "fr": "Bénin",
    "ar": "بنن",
    "ru": "Бенин",
    "zh-hans": "贝宁",
}
NEWS_FROM = {
    "fr": "Actualités – Bénin",
    "ar": "أخبار من بنن",
    "ru": "Новости: Бенин",
    "zh-hans": "来自贝宁的新闻",
}


def title_of(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


@pytest.mark.parametrize("language", sorted(BENIN))
def test_the_country_page_names_benin_in_the_readers_language_everywhere(
    client, network, locales, language
):
    html = client.get(f"/{language}/africa/benin/").content.decode()
    assert BENIN[language] in title_of(html)
    assert "Benin" not in title_of(html)
    assert NEWS_FROM[language] in html
    assert "Benin" not in re.search(r'<h2 id="news-heading">(.*?)</h2>', html).group(1)


@pytest.mark.parametrize(
    "language,kenya", [("fr", "Kenya"), ("ar", "كينيا"), ("zh-hans", "肯尼亚")]
)
def test_other_parties_are_named_in_the_readers_language_too(
    client, network, locales, language, kenya
):
    html = client.get(f"/{language}/africa/kenya/").content.decode()
    assert kenya in title_of(html)
    fiji = client.get(f"/{language}/asia-pacific/fiji/").content.decode()
    assert place_name("Fiji", language) in title_of(fiji)
    assert place_name("Fiji", language) != "Fiji" or language == "es"


@pytest.mark.parametrize("language", sorted(BENIN))
def test_the_country_feed_title_names_the_country_in_the_feeds_language(
    client, network, language
):
    feed = feedparser.parse(
        client.get(f"/feeds/countries/bj.rss?lang={language}").content
    )
    assert BENIN[language] in feed.feed.title
    assert "Benin" not in feed.feed.title
    assert BENIN[language] in feed.feed.description


def test_the_region_page_and_feed_name_the_region_in_spanish(client, network, locales):
    html = client.get("/es/africa/").content.decode()
    assert "África" in title_of(html)
    feed = feedparser.parse(client.get("/feeds/regions/africa.rss?lang=es").content)
    assert "África" in feed.feed.title


def test_the_news_notification_names_the_country_in_each_recipients_language(
    network,
):
    french = UserFactory(preferred_language="fr")
    chinese = UserFactory(preferred_language="zh-hans")
    english = UserFactory()
    for member in (french, chinese, english):
        set_watch_level(member, network.benin, WatchLevel.WATCHING)
    network.benin.refresh_from_db()
    post = network.benin.add_child(
        instance=BlogPostPage(title="Mangroves", slug="mangroves", intro="Ten ha.")
    )
    titles = {draft.recipient_id: draft.title for draft in news_published(post)}
    assert "Bénin" in titles[french.pk]
    assert "贝宁" in titles[chinese.pk]
    assert "Benin" in titles[english.pk]


def test_a_digest_of_one_notification_says_so_in_the_singular(db):
    member = UserFactory()
    NotificationSettings.objects.update_or_create(
        user=member, defaults={"email_frequency": EmailFrequency.DAILY}
    )
    Notification.objects.create(
        recipient=member, kind="news", title="Bénin", url="/", event_key="news:1"
    )
    mail.outbox.clear()
    assert send_digests() == 1
    assert mail.outbox[0].subject == "CHM Commons: 1 new notification"
