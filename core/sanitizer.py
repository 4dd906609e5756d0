"""The one place where untrusted HTML is cleaned (nh3, the Ammonia sanitizer).

Every piece of HTML that did not come from a trusted editor (harvested feed
items, Markdown written by members, ...) goes through `clean_html` before it is
stored. Change the policy here and re-clean what is stored.
"""

import html
import re

import nh3

BLOCK_END = re.compile(r"<(?:/p|br|/li|/h[1-6]|/div|/blockquote|/tr)\b[^>]*>", re.I)

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "h2", "h3", "h4",
    "hr", "i", "img", "li", "ol", "p", "pre", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title"},
}
URL_SCHEMES = {"http", "https", "mailto"}


def clean_html(untrusted: str) -> str:
    """Keep safe formatting and links; drop scripts, styles, handlers, bad URLs."""
    return nh3.clean(
        untrusted or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener nofollow ugc",
        clean_content_tags={"script", "style"},
    )


def to_text(untrusted: str) -> str:
    """Plain text of an HTML fragment, entities decoded, whitespace collapsed."""
    spaced = BLOCK_END.sub(" ", untrusted or "")
    text = nh3.clean(spaced, tags=set(), clean_content_tags={"script", "style"})
    return " ".join(html.unescape(text).split())
