"""Canonical English names shown in the reader's language.

Country names, region names and CBD subject names are data (page titles, tag
names) seeded from `community.parties` and `community.subjects`, where they are
marked with `gettext_noop` so the translators see them in the catalogues. Here
they are looked up in the active language when shown. Only the canonical names
are looked up: a free tag or a renamed page that happens to match some other
msgid must not be "translated" by accident.
"""

from functools import cache

from django.db import models
from django.utils import translation
from django.utils.translation import gettext

from community.parties import PARTIES, REGIONS
from community.subjects import SUBJECTS


@cache
def _place_names() -> frozenset[str]:
    return frozenset(
        [party.name for party in PARTIES] + [name for _slug, name in REGIONS]
    )


@cache
def _subject_names() -> frozenset[str]:
    return frozenset(seed.name for seed in SUBJECTS)


def place_name(place, language: str | None = None) -> str:
    """A country or region name in the reader's language: the one helper for
    every title, heading, feed, email subject and notification that names a
    Party or a region.

    `place` is a CountryPage or RegionPage (its title is the canonical English
    name, or already a translation when the page is a Wagtail translation) or
    such a name; `language` defaults to the active language. Names that are not
    canonical are shown as written."""
    if place is None:
        return ""
    name = str(place.title if isinstance(place, models.Model) else place)
    if name not in _place_names():
        return name
    if language is None:
        return gettext(name)
    with translation.override(language):
        return gettext(name)


def subject_name(name: str) -> str:
    """A CBD subject name in the active language, if it is a canonical one."""
    name = str(name)
    return gettext(name) if name in _subject_names() else name
