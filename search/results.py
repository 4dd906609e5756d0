"""What a search is asked and what it answers: the parameters (`SearchParams`),
one shown result (`Hit`), a facet value, one kind's matches (`KindMatches`)
and the page's results (`SearchResults`)."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.utils.safestring import SafeString

from .kinds import RESULT_TEMPLATE, kind_labels

# Per kind: the best 200 of a kind are 20 pages of 10, more than anyone reads
# before refining the search; the bound keeps a word found in 100k posts as
# cheap as a rare one.
CAP = 200
PER_PAGE = 10
MAX_PAGES = 50  # deeper than anyone reads; keeps merging and OFFSETs cheap


@dataclass
class SearchParams:
    q: str = ""
    kind: str = ""
    region: Any = None  # RegionPage
    country: Any = None  # CountryPage
    forum: Any = None  # Forum
    tag: Any = None  # Tag
    language: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    page: int = 1

    @property
    def active_filters(self) -> list[str]:
        return [
            name
            for name in ("kind", "region", "country", "forum", "tag", "language")
            if getattr(self, name)
        ] + (["dates"] if self.date_from or self.date_to else [])

    def without(self, name: str) -> "SearchParams":
        values = dict(self.__dict__, page=1)
        if name == "dates":
            values.update(date_from=None, date_to=None)
        else:
            values[name] = SearchParams.__dataclass_fields__[name].default
        return SearchParams(**values)

    def as_query(self, **changes) -> dict[str, str]:
        """The GET parameters for these params (changed by `changes`)."""
        values = {
            "q": self.q,
            "kind": self.kind,
            "region": self.region.slug if self.region else "",
            "country": self.country.slug if self.country else "",
            "forum": self.forum.slug if self.forum else "",
            "tag": self.tag.slug if self.tag else "",
            "language": self.language,
            "date_from": self.date_from.isoformat() if self.date_from else "",
            "date_to": self.date_to.isoformat() if self.date_to else "",
        }
        values.update(changes)
        return {key: value for key, value in values.items() if value}


@dataclass
class Hit:
    kind: str
    title: SafeString
    url: str
    snippet: SafeString
    meta: list[str] = field(default_factory=list)
    date: Any = None
    language: str = ""
    template: str = RESULT_TEMPLATE  # the kind's, rendering this hit

    @property
    def kind_label(self) -> str:
        return kind_labels()[self.kind]


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False
    query: dict[str, str] = field(default_factory=dict)
    capped: bool = False  # at least `count`: there are more than counted


@dataclass
class KindMatches:
    """One kind's visible results: how many (at most `CAP`, `capped` when
    there are more), and for kinds in scope the ranked rows and facet counts."""

    count: int = 0
    capped: bool = False
    ranked: list[tuple] = field(default_factory=list)  # (pk, title, language, score)
    facets: dict[str, dict] = field(default_factory=dict)


@dataclass
class SearchResults:
    params: SearchParams
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    capped: bool = False  # some kind has more than `CAP` matches: total is a floor
    page: int = 1
    num_pages: int = 1
    kind_counts: list[FacetValue] = field(default_factory=list)
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    relaxed: bool = False
    spelling: FacetValue | None = None  # “did you mean”
    drop_suggestions: list[FacetValue] = field(default_factory=list)

    @property
    def cap(self) -> int:
        return CAP

    @property
    def first_index(self) -> int:
        return (self.page - 1) * PER_PAGE + 1

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        return self.page < self.num_pages

    @property
    def previous_page(self) -> int:
        return self.page - 1

    @property
    def next_page(self) -> int:
        return self.page + 1
