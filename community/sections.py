"""What other apps show on the pages of this one: a country's page, a region's
page and a member's profile.

These pages (this app) cannot know what higher apps hold about a country, a
region or a member (news, toolkits, forum topics, the network's figures), so
those apps register a section in their `AppConfig.ready()`:

    register_country_section(PageSection(key="news", template="blog/country_news.html",
        context=lambda request, page: {...}, order=30))

- `context(request, obj)` gets the request and the page (or the member whose
  profile it is) and returns a dict merged into the page's template context,
  so the section's template (included in place, with the whole context) reads
  its own names. Keys of different sections must not clash. It must run a
  constant number of queries.
- `slot` says where the page puts the section: "main" (the body, in `order`),
  "head" (inside `<head>`: feed links), "capacity" (a country's capacity panel).
- `managers_only`: country sections shown only to those who manage the
  country (`can_manage` in the context); their `context` is not called for
  anyone else.

`sections_context(kind, request, obj, can_manage=False)` is what a page adds
to its context: the data of its sections, and `sections` ({slot: [section]}),
which its template loops over.
"""

from collections.abc import Callable
from dataclasses import dataclass

COUNTRY = "country"
REGION = "region"
PROFILE = "profile"


@dataclass(frozen=True)
class PageSection:
    key: str
    template: str
    context: Callable  # (request, page or member) -> dict
    order: int = 50
    slot: str = "main"
    managers_only: bool = False


_sections: dict[str, dict[str, PageSection]] = {COUNTRY: {}, REGION: {}, PROFILE: {}}


def register_country_section(section: PageSection) -> None:
    _sections[COUNTRY][section.key] = section


def register_region_section(section: PageSection) -> None:
    _sections[REGION][section.key] = section


def register_profile_section(section: PageSection) -> None:
    _sections[PROFILE][section.key] = section


def sections_for(kind: str) -> list[PageSection]:
    return sorted(_sections[kind].values(), key=lambda section: section.order)


def sections_context(kind: str, request, obj, *, can_manage: bool = False) -> dict:
    context: dict = {}
    slots: dict[str, list[PageSection]] = {}
    for section in sections_for(kind):
        if section.managers_only and not can_manage:
            continue
        context.update(section.context(request, obj))
        slots.setdefault(section.slot, []).append(section)
    context["sections"] = slots
    return context
