import re
from io import StringIO

import pytest
from django.core.management import call_command

from forum.cooking import cook
from forum.models import Post

from ..factories import make_topic
from ..security.checks import html_problems

TAG = re.compile(r"<[^>]*>")

HOSTILE = [
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    '<img src=x onerror="alert(1)">',
    '<a href="#" onclick="alert(1)">x</a>',
    "<svg/onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<<script>script>alert(1)<</script>/script>",
    "<scr<script>ipt>alert(1)</script>",
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<form action="javascript:alert(1)"><button>x</button></form>',
    "**unclosed <b>bold <i>italic",
]


@pytest.mark.parametrize("raw", HOSTILE)
def test_hostile_markdown_is_cooked_into_safe_html(raw, db):
    """Judged on the markup: a payload the parser leaves as text (escaped, as
    CommonMark does with `<svg/onload=...>` or a javascript: link) is inert."""
    html, _mentions = cook(raw)
    assert not html_problems(html), (raw, html)
    lowered = " ".join(TAG.findall(html.lower()))
    for bad in (
        "<script",
        "javascript:",
        "data:",
        "onerror",
        "onload",
        "onclick",
        "<iframe",
        "<svg",
        "style=",
        "<form",
    ):
        assert bad not in lowered, (raw, html)


def test_markdown_features_survive(db):
    html, _ = cook(
        "# Title\n\n**bold** _it_ `code`\n\n> quote\n\n- a\n- b\n\n[ok](https://cbd.int)"
    )
    for good in (
        "<strong>bold</strong>",
        "<em>it</em>",
        "<code>code</code>",
        "<blockquote>",
        "<li>a</li>",
        'href="https://cbd.int"',
    ):
        assert good in html


def test_tables_fenced_code_line_breaks_and_inline_html_survive(db):
    """What Python-Markdown's extensions gave (tables, fenced_code, nl2br) and
    the raw HTML the sanitizer allows."""
    html, _ = cook(
        "| Country | Sites |\n|---|---|\n| Benin | 12 |\n\n"
        "```\nprint('hello')\n```\n\n"
        "first line\nsecond line\n\nH<sub>2</sub>O, <abbr title='x'>CBD</abbr>"
    )
    for good in (
        "<th>Country</th>",
        "<td>12</td>",
        # Wide tables and code scroll inside the post, reachable by keyboard.
        '<table tabindex="0">',
        "<pre tabindex=\"0\"><code>print('hello')\n</code></pre>",
        "first line<br>\nsecond line",
        "H<sub>2</sub>O",
        '<abbr title="x">CBD</abbr>',
    ):
        assert good in html, html


def test_mentions_are_linked_outside_code_and_links(db):
    from ..factories import UserFactory

    UserFactory(username="expert")
    html, mentioned = cook("Thanks @expert! `@expert` [@expert](https://cbd.int)")
    assert [user.username for user in mentioned] == ["expert"]
    assert html.count('href="/members/expert/"') == 1
    assert "<code>@expert</code>" in html


def test_a_mention_written_on_an_arabic_page_links_to_the_unprefixed_profile(db):
    from django.utils import translation

    from ..factories import UserFactory

    UserFactory(username="expert")
    # Stored HTML is read in every language: no /ar/ from the writer's page.
    with translation.override("ar"):
        html, _mentioned = cook("Thanks @expert")
    assert 'href="/members/expert/"' in html


def test_a_post_mentions_at_most_max_mentions_members(db):
    from forum.cooking import MAX_MENTIONS

    from ..factories import UserFactory

    for n in range(MAX_MENTIONS + 5):
        UserFactory(username=f"member{n}")
    names = " ".join(f"@member{n}" for n in range(MAX_MENTIONS + 5))
    # Thousands of unknown names cost nothing either: only the first ones are
    # looked up.
    noise = " ".join(f"@ghost{n}" for n in range(5000))
    html, mentioned = cook(f"{names} {noise}")
    assert len(mentioned) == MAX_MENTIONS
    assert html.count('href="/members/member') == MAX_MENTIONS

    html, mentioned = cook(f"{noise} @member1")
    assert mentioned == []


def test_recook_posts_dry_run_lists_what_would_change_and_stores_nothing(
    forums, author
):
    topic = make_topic(forums.public, author)
    post = Post.objects.get(topic=topic)
    Post.objects.filter(pk=post.pk).update(html="<p>stale</p>")
    out = StringIO()
    call_command("recook_posts", "--dry-run", "--diff", stdout=out)
    report = out.getvalue()
    assert f"post {post.pk} (topic {topic.pk}, #1) changes" in report
    assert "-<p>stale</p>" in report
    assert "+<p>Opening post of A question</p>" in report
    assert "1 posts cooked, 1 would change." in report
    assert Post.objects.get(pk=post.pk).html == "<p>stale</p>"


def test_recook_posts_applies_the_current_policy(forums, author):
    topic = make_topic(forums.public, author)
    Post.objects.filter(topic=topic).update(html="<p>stale</p><script>x</script>")
    call_command("recook_posts", verbosity=0)
    assert Post.objects.get(topic=topic).html == "<p>Opening post of A question</p>"
