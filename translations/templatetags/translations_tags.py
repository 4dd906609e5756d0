from django import template
from django.utils.translation import gettext_lazy as _

from translations import names
from translations.languages import current_language
from translations.routing import is_fallback

register = template.Library()

# One sentence per language rather than a language name slotted into one
# sentence: each language words (and inflects) it its own way.
FALLBACK_NOTICES = {
    "ar": _("This page is not yet available in Arabic; showing the original."),
    "es": _("This page is not yet available in Spanish; showing the original."),
    "fr": _("This page is not yet available in French; showing the original."),
    "ru": _("This page is not yet available in Russian; showing the original."),
    "zh-hans": _("This page is not yet available in Chinese; showing the original."),
}


@register.filter
def place_name(value) -> str:
    """`{{ country|place_name }}` or `{{ country.title|place_name }}`: a
    canonical country or region name in the reader's language (see
    `translations.names`)."""
    return names.place_name(value)


@register.filter
def subject_name(value) -> str:
    """`{{ tag.name|subject_name }}`: a CBD subject's name in the reader's
    language; other tags are shown as written."""
    return names.subject_name(value)


@register.inclusion_tag("translations/fallback_notice.html", takes_context=True)
def translation_fallback_notice(context) -> dict:
    """The notice shown above a page served in its original language because
    it has no translation in the reader's language yet."""
    page = context.get("page")
    if not is_fallback(page):
        return {"notice": ""}
    return {"notice": FALLBACK_NOTICES.get(current_language(), "")}
