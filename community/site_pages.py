"""The pages a national CHM website starts with.

"Start your national CHM website" creates, under a CountryPage, one page of
each kind registered here. The apps that own those page types (national
pages, events, national targets) register them in their `AppConfig.ready()`,
so this floor never imports them:

    register_starter_page(StarterPage(key="events", slug="events",
        title=gettext_lazy("Events"), help_text=gettext_lazy("..."),
        build=lambda country, language: EventsIndexPage(...), order=70))

- `build(country, language)` returns an unsaved page of the owner's type
  (titled in `language`, the country's working language), which the starter
  adds as a child of `country`. The starter skips a key whose slug already
  exists under the country, so starting twice creates nothing new.
- `help_text` tells the focal point what to write on that page.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class StarterPage:
    key: str
    slug: str
    title: str
    help_text: str
    build: Callable  # (country page, language code) -> unsaved Page
    order: int = 50


_starter_pages: dict[str, StarterPage] = {}


def register_starter_page(spec: StarterPage) -> None:
    _starter_pages[spec.key] = spec


def starter_pages() -> list[StarterPage]:
    return sorted(_starter_pages.values(), key=lambda spec: spec.order)
