"""The kinds of content the site search finds, as each app describes them.

The search (`search/`) sits above the apps whose content it finds, and those
apps may not import it; so the registry they fill lives here, below them all,
and `search.kinds` reads it. Each app registers its kinds in its
`AppConfig.ready()`, from a `search_kind` module of its own:

    register_search_kind(SearchKind(key="news", label=_("News"), order=10,
        queryset=news_queryset, fetch=news_items, ...))

Contract of a kind:

- `queryset(user, params)`: the items `user` may see that `params` (the
  search's filters: `region`, `country`, `forum`, `tag`, `language`,
  `date_from`, `date_to`, each empty or a value) allow, or None when a filter
  rules the whole kind out. The search matches words inside it.
- `fetch(pks, request)`: `{pk: SearchItem}` for those primary keys, in a
  constant number of queries (never called without keys). The search
  highlights the title and text and translates the place name.
- `title_fields`: fields whose words make an item rank first; `language`:
  the current language code -> a condition that makes an item rank next (or
  None); `facets`: facet dimension -> `values()` path; `annotations`: names
  used in `facets` that are expressions, not fields; `date_field`: what the
  date facet counts on.
- `suggest(user)`: the visible items the header box may suggest (None: this
  kind is not suggested), and `suggest_links(items, request)`: their
  `(title, url)`, in order; `suggest_order` ranks the kinds there.
- `template`: renders one result (`hit` in its context).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

RESULT_TEMPLATE = "search/includes/result.html"


@dataclass
class SearchItem:
    """What a result shows, before highlighting."""

    title: str
    url: str
    text: str = ""
    meta: list[str] = field(default_factory=list)
    date: Any = None
    language: str = ""
    # A country or region name: shown first among `meta`, in the reader's
    # language (the search translates it).
    place: str = ""


@dataclass(frozen=True)
class SearchKind:
    key: str
    label: Any
    queryset: Callable
    fetch: Callable
    order: int = 50
    title_fields: tuple[str, ...] = ("title",)
    language: Callable | None = None
    facets: dict[str, str] = field(default_factory=dict)
    annotations: dict[str, Any] = field(default_factory=dict)
    date_field: str = ""
    suggest: Callable | None = None
    suggest_links: Callable | None = None
    suggest_order: int = 50
    template: str = RESULT_TEMPLATE


_kinds: dict[str, SearchKind] = {}


def register_search_kind(kind: SearchKind) -> None:
    _kinds[kind.key] = kind


def search_kinds() -> dict[str, SearchKind]:
    """Every registered kind by key, in `order`."""
    return {kind.key: kind for kind in sorted(_kinds.values(), key=lambda k: k.order)}
