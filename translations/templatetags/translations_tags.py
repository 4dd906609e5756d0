from django import template
from django.utils.translation import get_language_info

from translations import names
from translations.languages import current_language
from translations.routing import is_fallback

register = template.Library()


@register.filter
def place_name(value) -> str:
    """`{{ country.title|place_name }}`: a canonical country or region name in
    the reader's language (see `translations.names`)."""
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
        return {"language": ""}
    return {"language": get_language_info(current_language())["name_translated"]}
