"""Markdown written to be slow cooks about as fast as a normal post.

Python-Markdown took quadratic time on inputs such as `[` repeated: 5.5 s for
8,000 characters, about 100 s for the 32,000 a post may hold, while the
cooking held the write transaction. The bound is a ratio against cooking a
normal post of the same length on the same machine, not a time: shared CI
machines differ in speed, not in how time grows with the text.
"""

import time

import pytest

from forum.cooking import cook
from forum.models.post import MAX_POST_LENGTH

N = MAX_POST_LENGTH


def fill(piece: str) -> str:
    """`piece` repeated to exactly the longest post allowed."""
    return (piece * (N // len(piece) + 1))[:N]


def nested_lists() -> str:
    """Each item one level deeper than the last, as deep as a post allows."""
    text, depth = "", 0
    while len(text) + 2 * depth + 7 <= N:
        text += "  " * depth + "- item\n"
        depth += 1
    return text


NORMAL = fill(
    "Our national CHM moved to a new host last year. We compared **three "
    "offers** and chose the one with _daily backups_; see [the report]"
    "(https://www.cbd.int/chm) and `hosting.pdf`.\n\n- cost per year\n"
    "- staff time\n\n> Ask the regional node first.\n\n"
)

# What the issue named, and nested lists and emphasis as deep as a post allows.
PATHOLOGICAL = {
    "open brackets": fill("["),
    "emphasis openers": fill("*a"),
    "unclosed links": fill("[a]("),
    "nested quotes": fill("> "),
    "nested lists": nested_lists(),
    "list markers on one line": fill("- "),
    "nested emphasis": "*_" * ((N - 1) // 4) + "x" + "_*" * ((N - 1) // 4),
    "a run of stars around a word": "*" * (N // 2 - 1) + "a" + "*" * (N // 2),
}
# Linear too (twice the text, twice the time), but each character costs more
# than in a normal post: every `![` is tried as an image and then as a link
# (about 17 times a normal post), and each `|` line is a table row of cells
# filled in to the header's width, sixteen times the text in HTML (about 33
# times). Still far from quadratic: the old parser took about 2,000 times a
# normal post on `[` repeated.
HEAVIER = {
    "unclosed images": fill("!["),
    "table rows": "a|b\n-|-\n" + fill("|\n")[: N - 8],
}
CASES = [pytest.param(raw, 20, id=name) for name, raw in PATHOLOGICAL.items()] + [
    pytest.param(raw, 40, id=name) for name, raw in HEAVIER.items()
]


def seconds_to_cook(raw: str) -> float:
    """CPU time, so other processes on a busy machine count for less."""
    start = time.process_time()
    cook(raw)
    return time.process_time() - start


@pytest.mark.parametrize(("raw", "ratio"), CASES)
def test_pathological_markdown_cooks_within_a_few_times_a_normal_post(raw, ratio, db):
    assert len(raw) <= N and len(NORMAL) == N
    normal = min(seconds_to_cook(NORMAL) for _run in range(3))
    bound = ratio * normal
    # The fastest of a few runs, so a busy machine does not decide; a run far
    # past the bound is not repeated (the old parser would take minutes).
    took = float("inf")
    for _run in range(3):
        took = min(took, seconds_to_cook(raw))
        if took <= bound or took > 3 * bound:
            break
    assert took <= bound, (
        f"{took:.2f} s for {len(raw)} characters, {took / normal:.0f} times "
        f"the {normal:.3f} s a normal post of that length takes"
    )
