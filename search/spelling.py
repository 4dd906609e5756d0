"""“Did you mean”: a search whose words find little is offered the closest
spelling among the words of the network's public titles and summaries.

The vocabulary comes only from what anonymous visitors may read (published
news and toolkits, topics of public forums, country and region pages), so a
suggestion never reveals the words of a hidden post or a members-only forum.
It is built from at most `PER_SOURCE` of the newest items of each source and
kept in the cache for `TTL` seconds: a new word is offered a few minutes after
it is first published.
"""

import difflib
import re
from collections import Counter, defaultdict

from django.core.cache import cache

CACHE_KEY = "search:vocabulary:v2"
TTL = 600
PER_SOURCE = 5000
MIN_LENGTH = 4  # shorter words have too many close neighbours to guess from
CUTOFF = 0.8  # difflib's ratio: one wrong letter in a word of 8 is 0.875
MAX_GUESSES = 4  # unknown words looked up per search
WORD = re.compile(rf"[^\W\d_]{{{MIN_LENGTH},}}")


def _texts():
    from blog.models import BlogPostPage
    from community.models import CountryPage, RegionPage
    from forum.models import Topic
    from toolkits.models import ToolkitPage

    sources = [
        BlogPostPage.objects.published().values_list("title", "intro"),
        ToolkitPage.objects.published().values_list("title", "summary"),
        Topic.objects.public().values_list("title"),
        CountryPage.objects.live().public().values_list("title"),
        RegionPage.objects.live().public().values_list("title"),
    ]
    for rows in sources:
        for row in rows.order_by("-pk")[:PER_SOURCE]:
            yield from (text for text in row if text)


def build_vocabulary() -> dict[tuple[str, int], dict[str, int]]:
    """Words by first letter and length, each with how many times it occurs."""
    counts: Counter = Counter()
    for text in _texts():
        counts.update(WORD.findall(text.lower()))
    groups: dict[tuple[str, int], dict[str, int]] = defaultdict(dict)
    for word, count in counts.items():
        groups[word[0], len(word)][word] = count
    return dict(groups)


def vocabulary() -> dict[tuple[str, int], dict[str, int]]:
    return cache.get_or_set(CACHE_KEY, build_vocabulary, TTL)


def correct(text: str) -> str:
    """`text` with each word the vocabulary does not know replaced by its
    closest known word, when one is close enough; "" when nothing changed.

    Only words with the same first letter and at most two letters more or
    less are compared (a first letter is rarely the mistyped one), and at
    most `MAX_GUESSES` words are looked up: the cost stays a few
    milliseconds whatever is typed."""
    words = vocabulary()
    changed, guesses, out = False, 0, []
    for term in text.split():
        lowered = term.lower()
        known = words.get((lowered[:1], len(lowered)), {})
        if (
            len(lowered) < MIN_LENGTH
            or not WORD.fullmatch(lowered)
            or lowered in known
            or guesses >= MAX_GUESSES
        ):
            out.append(term)
            continue
        guesses += 1
        near: dict[str, int] = {}
        for length in range(len(lowered) - 2, len(lowered) + 3):
            near.update(words.get((lowered[0], length), {}))
        found = difflib.get_close_matches(lowered, near, n=3, cutoff=CUTOFF)
        if not found:
            out.append(term)
            continue
        out.append(_closest(lowered, found, near))
        changed = True
    return " ".join(out) if changed else ""


def _closest(term: str, found: list[str], counts: dict[str, int]) -> str:
    """The closest of `found`; between equally close words, the most common."""
    matcher = difflib.SequenceMatcher(b=term)

    def closeness(word):
        matcher.set_seq1(word)
        return (matcher.ratio(), counts[word])

    return max(found, key=closeness)
