import pytest
from django.core.management import call_command

from forum.cooking import cook
from forum.models import Post

from .conftest import make_topic

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
    html, _mentions = cook(raw)
    lowered = html.lower()
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


def test_recook_posts_applies_the_current_policy(forums, author):
    topic = make_topic(forums.public, author)
    Post.objects.filter(topic=topic).update(html="<p>stale</p><script>x</script>")
    call_command("recook_posts", verbosity=0)
    assert Post.objects.get(topic=topic).html == "<p>Opening post of A question</p>"
