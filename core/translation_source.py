"""Which page a translated page stands for: its source-language version.

A translation is a copy of one page: the countries of a region, the regions of
the network and the news of a country hang under the source pages, so
listings on a translated page are taken from its source. Any app may ask;
this floor knows nothing of the apps that hold such pages.

`locale_code` caches Locale rows without a query once seen; whoever changes a
Locale empties `_locale_codes` (translations does, on save and delete).
"""

from django.conf import settings
from wagtail.models import Locale

from core.languages import current_language

_locale_codes: dict[int, str] = {}


def locale_code(locale_id: int) -> str:
    """A Locale's language code without a query once seen (locales rarely change)."""
    if locale_id not in _locale_codes:
        _locale_codes.update(Locale.objects.values_list("pk", "language_code"))
    return _locale_codes.get(locale_id, settings.LANGUAGE_CODE)


def source_page(page):
    """The source-language version of `page` (itself when it is one).

    Looked up once per page object: the sections of a page may all ask.
    """
    # English is read from the English tree: no lookup (and no query) needed.
    if (
        current_language() == settings.LANGUAGE_CODE
        or locale_code(page.locale_id) == settings.LANGUAGE_CODE
    ):
        return page
    cached = page.__dict__.get("_source_page")
    if cached is not None:
        return cached
    source = (
        type(page)
        .objects.filter(
            translation_key=page.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .first()
    )
    page.__dict__["_source_page"] = source or page
    return source or page
