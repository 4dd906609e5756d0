"""Forum posts record the language they were written in; lists and feeds
filter on it and say it."""

from django.utils import translation

from forum import posting
from forum.models import Post, Topic

from ..factories import established


def test_a_topic_and_its_posts_record_the_language_they_were_written_in(forums):
    author = established(username="auteur")
    with translation.override("fr"):
        topic = posting.create_topic(
            forums.public, author, "Forêts sèches", "Qui a des données ?"
        )
    reply = posting.reply(
        topic, established(username="other"), "Yes, here.", language="es"
    )
    topic.refresh_from_db()
    assert topic.language == "fr"
    assert Post.objects.get(topic=topic, number=1).language == "fr"
    assert reply.language == "es"


def test_an_unknown_language_is_recorded_as_the_page_language(forums):
    with translation.override("ru"):
        topic = posting.create_topic(
            forums.public, established(), "Лес", "Текст", language="klingon"
        )
    assert topic.language == "ru"


def make_topics(forums):
    french = posting.create_topic(
        forums.public, established(), "Sujet en français", "Bonjour", language="fr"
    )
    english = posting.create_topic(
        forums.public, established(), "Topic in English", "Hello there", language="en"
    )
    return french, english


def test_a_forum_topic_list_filters_by_language(client, forums):
    make_topics(forums)
    html = client.get("/forums/forest/?lang=fr").content.decode()
    assert "Sujet en français" in html
    assert "Topic in English" not in html
    assert 'lang="fr" dir="ltr"><strong>Sujet en français' in html


def test_a_garbage_language_filter_lists_every_topic(client, forums):
    make_topics(forums)
    response = client.get("/forums/forest/?lang=%3Cscript%3E")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sujet en français" in html and "Topic in English" in html


def test_forum_feeds_carry_their_language_and_filter_by_it(client, forums):
    make_topics(forums)
    french = client.get("/feeds/forums/forest.rss?lang=fr").content.decode()
    assert "<language>fr</language>" in french
    assert "Sujet en français" in french and "Topic in English" not in french
    everything = client.get("/feeds/forums.rss").content.decode()
    assert "<language>en</language>" in everything
    assert "Sujet en français" in everything and "Topic in English" in everything
    atom = client.get("/feeds/forums.atom?lang=fr").content.decode()
    assert 'xml:lang="fr"' in atom


def test_news_feeds_say_their_language(client, network):
    assert (
        "<language>es</language>"
        in client.get("/feeds/news.rss?lang=es").content.decode()
    )
    assert (
        "<language>en</language>"
        in client.get("/feeds/news.rss?lang=xx").content.decode()
    )


def test_topic_queryset_in_language_keeps_everything_without_a_language(forums):
    make_topics(forums)
    assert Topic.objects.in_language(None).count() == 2
    assert Topic.objects.in_language("fr").count() == 1
