"""A national website's menu: its country's live, public children marked
"show in menus", in their order, each in the reader's language when it has
been translated (else the original). One query (two in another language than
English) whatever its length."""

from django.conf import settings
from wagtail.models import Page

from core.languages import current_language
from core.translation_source import source_page


def national_menu(country) -> list[Page]:
    source = source_page(country)
    # Children with a view restriction of their own are left out in the same
    # query (Wagtail's `public()` costs one more, reading every restriction).
    items = list(
        Page.objects.child_of(source)
        .live()
        .in_menu()
        .filter(view_restrictions__isnull=True)
        .order_by("path")
    )
    language = current_language()
    if not items or language == settings.LANGUAGE_CODE:
        return items
    translated = {
        page.translation_key: page
        for page in Page.objects.filter(
            translation_key__in=[item.translation_key for item in items],
            locale__language_code=language,
            view_restrictions__isnull=True,
        ).live()
    }
    return [translated.get(item.translation_key, item) for item in items]
