"""What each app shows on a tag page (`/tags/<slug>/`).

Apps register a section in their `AppConfig.ready()`:

    register_tag_section(TagSection(key="news", title=_("News"),
        template="includes/news_list.html", items=news_for_tag, order=10))

`items(request, tag)` returns a dict the section's template gets as `data`
(with `section` beside it); `data.rss` and `data.atom`, when present, are the
section's feeds. It must run a constant number of queries whatever the number
of tagged items.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class TagSection:
    key: str
    title: str
    template: str
    items: Callable
    order: int = 50


_sections: dict[str, TagSection] = {}


def register_tag_section(section: TagSection) -> None:
    _sections[section.key] = section


def tag_sections() -> list[TagSection]:
    return sorted(_sections.values(), key=lambda section: section.order)
