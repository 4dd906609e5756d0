"""The dashboard's one table of Parties: filtered, sorted and paged on the server.

The figures are already in memory (NetworkHealth, cached), so sorting and
filtering 196 rows costs no query. Everything the reader chooses is in the
query string, so a filtered, sorted page can be bookmarked and shared, and
the table works without JavaScript.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from translations.names import place_name

from .network_health import CountryHealth, NetworkHealth, RegionHealth

PAGE_SIZE = 15
MAPS = ("capacity", "activity")
DIRECTIONS = ("asc", "desc")
# Sort keys: each a function of a row; text sorts ascending by default,
# figures descending (the reader looks for the largest first).
SORTS = {
    "country": lambda row: row.name.casefold(),
    "region": lambda row: (row.region_name.casefold(), row.name.casefold()),
    "level": lambda row: row.country.capacity_level,
    "activity": lambda row: row.country.activity,
    "news": lambda row: row.country.news,
    "topics": lambda row: row.country.topics,
    "replies": lambda row: row.country.replies,
    "toolkits": lambda row: row.country.toolkits,
    "members": lambda row: row.country.active_members,
}
TEXT_SORTS = {"country", "region"}
PARAMETERS = {"map", "colour", "region", "level", "q", "sort", "dir", "page", "show"}


def default_direction(sort: str) -> str:
    return "asc" if sort in TEXT_SORTS else "desc"


class BadTableRequest(ValueError):
    """A query parameter the dashboard does not understand; shown as a 400."""


@dataclass
class Row:
    country: CountryHealth
    name: str  # in the reader's language
    region_name: str


@dataclass
class TableState:
    """What the reader asked for, parsed and checked."""

    map: str = "capacity"
    region: RegionHealth | None = None
    level: int | None = None
    q: str = ""
    sort: str = "country"
    dir: str = "asc"
    page: int = 1
    show_all: bool = False

    def query(self, **changes) -> str:
        """This state's query string with `changes`, defaults left out, so
        links stay short and one view has one URL."""
        values = {
            "map": self.map,
            "region": self.region.slug if self.region else "",
            "level": "" if self.level is None else str(self.level),
            "q": self.q,
            "sort": self.sort,
            "dir": self.dir,
            "page": str(self.page),
            "show": "all" if self.show_all else "",
        }
        values.update({k: "" if v is None else str(v) for k, v in changes.items()})
        defaults = {"map": "capacity", "sort": "country", "page": "1"}
        if values["dir"] == default_direction(values["sort"] or "country"):
            values["dir"] = ""
        kept = {k: v for k, v in values.items() if v and v != defaults.get(k)}
        return "?" + urlencode(kept) if kept else "?"


@dataclass
class Table:
    state: TableState
    rows: list[Row]  # this page's
    total: int  # rows after filtering
    columns: list[dict] = field(default_factory=list)
    pages: list[dict] = field(default_factory=list)

    @property
    def is_paged(self) -> bool:
        return len(self.pages) > 1

    @property
    def first(self) -> int:
        return 1 if self.state.show_all else (self.state.page - 1) * PAGE_SIZE + 1

    @property
    def last(self) -> int:
        return self.first + len(self.rows) - 1

    @property
    def links(self) -> dict[str, str]:
        """The links around the table: clear the filters (keeping the map),
        show every row, or go back to pages."""
        return {
            "clear": self.state.query(
                region="", level="", q="", sort="country", dir="asc", page=1, show=""
            ),
            "show_all": self.state.query(page=1, show="all"),
            "show_pages": self.state.query(page=1, show=""),
        }


def map_tabs(state: TableState) -> list[dict]:
    """The map's two views, as links that keep the table's state."""
    labels = {"capacity": _("Capacity level"), "activity": _("Activity")}
    return [
        {
            "key": key,
            "label": labels[key],
            "url": state.query(map=key),
            "current": key == state.map,
        }
        for key in MAPS
    ]


def parse_state(params, health: NetworkHealth) -> TableState:
    unknown = sorted(set(params) - PARAMETERS)
    if unknown:
        raise BadTableRequest(
            _("Unknown parameter: %(names)s. Known: %(known)s.")
            % {"names": ", ".join(unknown), "known": ", ".join(sorted(PARAMETERS))}
        )
    state = TableState()
    # `colour` is the map's former name, kept so old links still work.
    chosen_map = params.get("map") or params.get("colour") or "capacity"
    if chosen_map not in MAPS:
        raise BadTableRequest(
            _("Unknown map “%(value)s”: use capacity or activity.")
            % {"value": chosen_map[:40]}
        )
    state.map = chosen_map
    slug = params.get("region")
    if slug:  # the form's "All regions" sends an empty value
        state.region = health.region(slug)
        if state.region is None:
            raise BadTableRequest(
                _("Unknown region “%(value)s”.") % {"value": slug[:40]}
            )
    level = params.get("level")
    if level:
        if level not in {str(n) for n in range(6)}:
            raise BadTableRequest(
                _("Unknown capacity level “%(value)s”: use 0 to 5.")
                % {"value": level[:40]}
            )
        state.level = int(level)
    state.q = (params.get("q") or "").strip()[:100]
    sort = params.get("sort") or "country"
    if sort not in SORTS:
        raise BadTableRequest(
            _("Unknown sort “%(value)s”: use one of %(known)s.")
            % {"value": sort[:40], "known": ", ".join(SORTS)}
        )
    state.sort = sort
    direction = params.get("dir") or default_direction(sort)
    if direction not in DIRECTIONS:
        raise BadTableRequest(
            _("Unknown direction “%(value)s”: use asc or desc.")
            % {"value": direction[:40]}
        )
    state.dir = direction
    page = params.get("page") or "1"
    if not page.isdigit() or int(page) < 1:
        raise BadTableRequest(
            _("Unknown page “%(value)s”: use a number from 1.") % {"value": page[:40]}
        )
    state.page = int(page)
    show = params.get("show")
    if show not in (None, "", "all"):
        raise BadTableRequest(_("Use show=all to list every country."))
    state.show_all = show == "all"
    return state


def _matches(row: Row, query: str) -> bool:
    query = query.casefold()
    return (
        query in row.name.casefold()
        or query in row.country.title.casefold()
        or query == row.country.iso.casefold()
    )


def build_table(health: NetworkHealth, state: TableState) -> Table:
    region_names = {r.slug: place_name(r.title) for r in health.regions}
    rows = [
        Row(c, place_name(c.title), region_names.get(c.region_slug, ""))
        for c in health.countries
    ]
    if state.region:
        rows = [r for r in rows if r.country.region_slug == state.region.slug]
    if state.level is not None:
        rows = [r for r in rows if r.country.capacity_level == state.level]
    if state.q:
        rows = [r for r in rows if _matches(r, state.q)]
    # Ties fall back to the name, A to Z, whichever way the column runs.
    rows.sort(key=SORTS["country"])
    rows.sort(key=SORTS[state.sort], reverse=state.dir == "desc")
    total = len(rows)
    page_count = max(1, -(-total // PAGE_SIZE))
    if state.show_all:
        page_rows = rows
    else:
        state.page = min(state.page, page_count)
        start = (state.page - 1) * PAGE_SIZE
        page_rows = rows[start : start + PAGE_SIZE]
    table = Table(state=state, rows=page_rows, total=total)
    table.columns = _columns(state)
    if not state.show_all and page_count > 1:
        table.pages = [
            {
                "number": n,
                "url": state.query(page=n),
                "current": n == state.page,
            }
            for n in range(1, page_count + 1)
        ]
    return table


def _columns(state: TableState) -> list[dict]:
    labels = {
        "country": _("Country"),
        "region": _("Region"),
        "level": _("Capacity level"),
        "activity": _("Activity"),
        "news": _("News"),
        "topics": _("Topics"),
        "replies": _("Replies"),
        "toolkits": _("Toolkits"),
        "members": _("Active members"),
    }
    columns = []
    for key, label in labels.items():
        current = state.sort == key
        if current:
            next_dir = "desc" if state.dir == "asc" else "asc"
        else:
            next_dir = default_direction(key)
        columns.append(
            {
                "key": key,
                "label": label,
                "numeric": key not in TEXT_SORTS,
                "aria_sort": (
                    ("ascending" if state.dir == "asc" else "descending")
                    if current
                    else ""
                ),
                "url": state.query(sort=key, dir=next_dir, page=1),
            }
        )
    return columns
