"""The kinds of content the search finds: each app's `SearchKind`, registered
in its `AppConfig.ready()` (blog: news; forum: topics and posts; toolkits;
community: countries and experts).

The registry lives in `core.search_kinds`, below the apps that fill it (they
may not import `search`); this module is the search's view of it. Nothing in
`search/` names a kind: what a kind finds, shows and counts comes from its
spec.
"""

from core.search_kinds import (
    RESULT_TEMPLATE,
    SearchItem,
    SearchKind,
    register_search_kind,
    search_kinds,
)

__all__ = [
    "RESULT_TEMPLATE",
    "SearchItem",
    "SearchKind",
    "kind_choices",
    "kind_labels",
    "register_search_kind",
    "search_kinds",
    "suggested_kinds",
]


def kind_choices() -> list[tuple[str, str]]:
    """(key, label) of every kind, in the order the page lists them."""
    return [(key, kind.label) for key, kind in search_kinds().items()]


def kind_labels() -> dict:
    return dict(kind_choices())


def suggested_kinds() -> list[SearchKind]:
    """The kinds the header box suggests from, in the order it shows them."""
    return sorted(
        (kind for kind in search_kinds().values() if kind.suggest is not None),
        key=lambda kind: kind.suggest_order,
    )
