"""Hostile but honest input on a 320 px phone, in real Chromium: a topic whose
title and post hold a 300-character word, a long URL, a wide table and a code
block stays inside its column (the table and the code scroll inside
themselves, and can be reached with the keyboard to do so); and names and
posts in another script than the page keep their own direction."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from forum import posting
from forum.models import Forum, ForumIndexPage

from ..factories import UserFactory, build_network
from .axe import serious_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WORD = "Biodiversity" * 25  # 300 characters, no break
TITLE_WORD = WORD[:180]  # titles hold at most 200 characters
URL = "https://chm.example.org/" + "/".join(f"section-{n}" for n in range(30))
POST = f"""A word that never ends: {WORD}

A link that never ends: {URL}

| Country | Level | Focal point | Website | Feed | Last news | Members | Toolkits |
|---|---|---|---|---|---|---|---|
| Benin | 3 | Aïcha Dossou | chm.example.bj | yes | 2026-11-30 | 12 | 4 |
| Kenya | 4 | Wanjiru Kamau | chm.example.ke | yes | 2026-12-01 | 30 | 9 |

```
curl 'https://chm.example.org/api/v2/pages/?type=blog.BlogPostPage&country=BJ&fields=intro,tags,subjects,authors&limit=10'
```
"""
ARABIC_NAME = "ليلى حداد"


@pytest.fixture
def hostile_topic():
    network = build_network()
    network.home.add_child(instance=ForumIndexPage(title="Forums", slug="forums"))
    forum = Forum.objects.create(name="Forest", slug="forest")
    old = timezone.now() - timedelta(days=90)
    author = UserFactory(username="layla", display_name=ARABIC_NAME, date_joined=old)
    topic = posting.create_topic(
        forum, author, f"Indicators {TITLE_WORD}", POST, language="fr"
    )
    return forum, topic


def fits(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_long_words_urls_tables_and_code_stay_in_the_column_at_320_px(
    live_server, browser, hostile_topic, language
):
    forum, topic = hostile_topic
    prefix = "" if language == "en" else f"/{language}"
    context = browser.new_context(viewport={"width": 320, "height": 700})
    page = context.new_page()
    try:
        for path in [topic.get_absolute_url(), forum.get_absolute_url(), "/forums/"]:
            page.goto(live_server.url + prefix + path)
            assert fits(page), (
                language,
                path,
                page.evaluate("document.documentElement.scrollWidth"),
            )
        page.goto(live_server.url + prefix + topic.get_absolute_url())
        body = page.locator(".post-body").first
        for selector in ["table", "pre"]:
            block = body.locator(selector).first
            # Wider than the column, so it scrolls inside itself ...
            assert block.evaluate("el => el.scrollWidth > el.clientWidth"), selector
            box = block.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 320, selector
            # ... and takes the keyboard focus, so it can be scrolled without a mouse.
            assert block.get_attribute("tabindex") == "0", selector
        violations = [
            v
            for v in serious_violations(page)
            if v["id"] in {"scrollable-region-focusable", "color-contrast"}
        ]
        assert violations == [], violations
    finally:
        context.close()


def test_names_and_posts_in_another_script_keep_their_own_direction(
    live_server, page, hostile_topic
):
    forum, topic = hostile_topic
    # An Arabic name in a French post, read on the English and the Arabic page.
    for prefix in ["", "/ar"]:
        page.goto(live_server.url + prefix + topic.get_absolute_url())
        body = page.locator(".post-body").first
        assert body.get_attribute("lang") == "fr"
        assert body.get_attribute("dir") == "ltr"
        title = page.locator("h1").first
        assert title.get_attribute("dir") in {"ltr", "auto"}
        name = page.locator(".post-header").first.get_by_text(ARABIC_NAME)
        # The name is isolated (<bdi>, or dir="auto"), so its direction does not
        # carry over to the punctuation and the text beside it.
        isolated = name.evaluate(
            """el => { for (let n = el; n && !n.classList.contains('post-header');
                       n = n.parentElement) {
                if (n.tagName === 'BDI' || n.getAttribute('dir') === 'auto') {
                  return true;
                }
              } return false; }"""
        )
        assert isolated, prefix
        assert name.evaluate("el => getComputedStyle(el).direction") == "rtl"
    page.goto(live_server.url + forum.get_absolute_url())
    author = page.get_by_text(re.compile(ARABIC_NAME)).first
    assert author.evaluate("el => el.closest('bdi, [dir=auto]') !== null"), (
        "the author's name in the topic list is not isolated"
    )
