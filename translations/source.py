from django.conf import settings

from core.languages import current_language

from .routing import locale_code


def source_page(page):
    """The source-language version of `page` (itself when it is one).

    A translation is a copy of one page: the countries of a region, the
    regions of the network and the news of a country hang under the source
    pages, so listings on a translated page are taken from its source.
    """
    # English is read from the English tree: no lookup (and no query) needed.
    if (
        current_language() == settings.LANGUAGE_CODE
        or locale_code(page.locale_id) == settings.LANGUAGE_CODE
    ):
        return page
    source = (
        type(page)
        .objects.filter(
            translation_key=page.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .first()
    )
    return source or page
