"""Content in another language than the page keeps its own language and
direction, so an Arabic page does not move French punctuation (issue #19, 20)."""

import re

from django.template import Context, Template

from blog.models import BlogPostPage
from forum.models import Forum, ForumIndexPage
from forum.posting import create_topic

from ..factories import UserFactory


def attrs(code) -> str:
    return Template("{% load translations_tags %}<p{% lang_attrs code %}>").render(
        Context({"code": code})
    )


def test_each_language_gets_its_direction_and_unknown_ones_auto():
    assert attrs("ar") == '<p lang="ar" dir="rtl">'
    assert attrs("fr") == '<p lang="fr" dir="ltr">'
    assert attrs("zh-hans") == '<p lang="zh-hans" dir="ltr">'
    assert attrs("") == '<p dir="auto">'
    assert attrs("x-klingon") == '<p lang="x-klingon" dir="auto">'


def test_the_english_home_intro_on_an_arabic_page_is_marked_english_and_ltr(
    client, network
):
    network.home.intro = "Welcome to the network (CHM)."
    network.home.save()
    html = client.get("/ar/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    hero = re.search(r'<section class="hero"([^>]*)>', html).group(1)
    assert hero == ' lang="en" dir="ltr"'


def test_french_news_on_an_arabic_page_carries_its_language_and_direction(
    client, network
):
    network.benin.refresh_from_db()
    network.benin.add_child(
        instance=BlogPostPage(
            title="Mangroves : 10 ha replantés !",
            slug="mangroves",
            intro="Bilan de l’année.",
            language="fr",
        )
    )
    html = client.get("/ar/africa/benin/").content.decode()
    assert '<h3 lang="fr" dir="ltr"><a' in html
    assert '<p lang="fr" dir="ltr">Bilan de l’année.</p>' in html
    post = client.get("/ar/africa/benin/mangroves/").content.decode()
    assert '<h1 lang="fr" dir="ltr">Mangroves' in post


def test_english_and_french_posts_on_an_arabic_topic_page_keep_their_direction(
    client, network
):
    network.home.refresh_from_db()
    network.home.add_child(instance=ForumIndexPage(title="Forums", slug="forums"))
    forest = Forum.objects.create(name="Forest", slug="forest")
    topic = create_topic(
        forest, UserFactory(), "Seed banks?", "How do you store seeds?", language="en"
    )
    html = client.get(f"/ar{topic.get_absolute_url()}").content.decode()
    assert '<h1 lang="en" dir="ltr">Seed banks?</h1>' in html
    assert '<div class="post-body" lang="en" dir="ltr">' in html
