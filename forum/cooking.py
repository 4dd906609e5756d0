"""Markdown in, safe HTML out: posts are cooked once, when written.

The parser is markdown-it-py (CommonMark), whose run time grows linearly with
the text: Python-Markdown took quadratic time on inputs such as `[` repeated
(about 100 s for one post of 32,000 characters). Cook outside any database
transaction all the same, so a slow post never holds locks.
"""

import re

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from markdown_it import MarkdownIt

from community.models import User
from core.sanitizer import clean_html

MENTION = re.compile(r"(?<![\w@/.])@([A-Za-z0-9_.+-]{2,150})")
TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
NO_MENTIONS_INSIDE = {"a", "code", "pre"}
# What Python-Markdown was asked for before ("fenced_code", "tables",
# "sane_lists", "nl2br"): CommonMark has fenced code and plain lists, GFM's
# tables are a rule to switch on, and `breaks` turns a newline into <br>.
# Raw HTML is parsed as before and left to the sanitizer. CommonMark's
# `maxNesting` (20) bounds how deep quotes and lists nest.
# A post links and notifies at most this many members (Discourse's default is
# 10): the look-up stays one small query, and one post cannot page the network.
MAX_MENTIONS = 20
MARKDOWN = MarkdownIt("commonmark", {"breaks": True, "html": True}).enable("table")


# Tables and code blocks scroll inside the post when wider than the column;
# tabindex="0" lets the keyboard reach them to scroll (WCAG 2.1.1).
SCROLLERS = re.compile(r"<(pre|table)(?![^>]*\btabindex=)(\s[^>]*)?>")


def cook(raw: str) -> tuple[str, list[User]]:
    """Return the post's safe HTML and the members it mentions."""
    html = clean_html(MARKDOWN.render(raw or "").rstrip("\n"))
    html = SCROLLERS.sub(r'<\1 tabindex="0"\2>', html)
    found = (name.rstrip(".").lower() for name in MENTION.findall(_text_only(html)))
    names = list(dict.fromkeys(found))[:MAX_MENTIONS]
    if not names:
        return html, []
    members = {
        user.username.lower(): user
        for user in User.objects.filter(is_active=True).filter(
            username__iregex=r"^(" + "|".join(re.escape(n) for n in names) + r")$"
        )
    }
    return _link_mentions(html, members), list(members.values())


def _text_only(html: str) -> str:
    return " ".join(piece for piece, inside in _pieces(html) if not inside)


def _pieces(html: str):
    """Yield (piece, protected) where protected means a tag or text inside
    a link or code, where @names are left alone."""
    depth = 0
    for piece in TAG_OR_TEXT.split(html):
        if piece.startswith("<"):
            name = piece.strip("</>").split()[0].lower() if piece.strip("</>") else ""
            if name in NO_MENTIONS_INSIDE:
                depth += -1 if piece.startswith("</") else 1
            yield piece, True
        else:
            yield piece, depth > 0


def _link_mentions(html: str, members: dict[str, User]) -> str:
    def link(match: re.Match) -> str:
        name = match.group(1).rstrip(".")
        user = members.get(name.lower())
        if user is None:
            return match.group(0)
        # Stored HTML is read in every language: the unprefixed address, which
        # follows the reader's own choice, whatever language the writer used.
        with translation.override(settings.LANGUAGE_CODE):
            url = reverse("community:profile", args=[user.username])
        trailing = match.group(1)[len(name) :]
        return f'<a href="{escape(url)}">@{escape(user.username)}</a>{trailing}'

    return "".join(
        piece if protected else MENTION.sub(link, piece)
        for piece, protected in _pieces(html)
    )


def quote_markdown(author_name: str, raw: str) -> str:
    """The Markdown a reply starts with when it quotes a post."""
    quoted = "\n".join(f"> {line}" for line in raw.strip().splitlines()[:30])
    return f"> **{author_name}:**\n{quoted}\n\n"
