"""The searched words marked in what a result shows.

`highlight()` escapes the text first and wraps each word that starts with a
searched word (or its stem's root) in `<mark>`; with `snippet`, it keeps a
window of `SNIPPET_CHARS` around the first match. `hit()` turns a kind's
`SearchItem` into the `Hit` the page shows.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from translations.names import place_name

from .results import Hit

SNIPPET_CHARS = 220


def _root(term: str) -> str:
    """What a word's other forms start with, for highlighting: the search
    stems "forests" to "forest", which also finds "forest" and "forestry"."""
    return term[:-1] if len(term) > 4 and term[-1] in "sS" else term


def _pattern(terms: list[str]) -> re.Pattern | None:
    if not terms:
        return None
    alternatives = "|".join(
        re.escape(root)
        for root in sorted({_root(term) for term in terms}, key=len, reverse=True)
    )
    # Whole words that start with a searched word: "mangroves" for "mangrove".
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


def highlight(text: str, terms: list[str], *, snippet: bool = False) -> SafeString:
    """Escape first, then wrap the matched words in <mark>. With `snippet`,
    cut a window of text around the first match."""
    text = " ".join(str(text or "").split())
    pattern = _pattern(terms)
    if snippet and len(text) > SNIPPET_CHARS:
        found = pattern.search(text) if pattern else None
        start = max(0, found.start() - SNIPPET_CHARS // 3) if found else 0
        end = start + SNIPPET_CHARS
        window = text[start:end]
        if start > 0:
            window = "…" + window.split(" ", 1)[-1]
        if end < len(text):
            window = window.rsplit(" ", 1)[0] + "…"
        text = window
    if pattern is None:
        return escape(text)
    pieces = []
    last = 0
    for found in pattern.finditer(text):
        pieces.append(escape(text[last : found.start()]))
        pieces.append(f"<mark>{escape(found.group(0))}</mark>")
        last = found.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece escaped above


def hit(kind, item, terms: list[str]) -> Hit:
    """What the page shows for one of `kind`'s items: title and text
    highlighted, the place named in the reader's language."""
    return Hit(
        kind.key,
        highlight(item.title, terms),
        item.url,
        highlight(item.text, terms, snippet=True) if item.text else SafeString(""),
        ([place_name(item.place)] if item.place else []) + list(item.meta),
        item.date,
        item.language,
        kind.template,
    )
