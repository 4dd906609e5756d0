from datetime import datetime, timedelta

from django import template
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _

from core.languages import current_language
from translations import names
from translations.routing import is_fallback, locale_code

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


@register.filter
def time_ago(value: datetime | None) -> str:
    """`{{ post.created_at|time_ago }}`: "just now" under a minute (never
    "0 minutes"), else "3 hours ago", each count pluralised by Django's
    `timesince` (ngettext)."""
    if not value:
        return ""
    if timezone.now() - value < timedelta(minutes=1):
        return gettext("just now")
    return gettext("%(time)s ago") % {"time": timesince(value)}


@register.simple_tag
def lang_attrs(code: str | None) -> str:
    """` lang="fr" dir="ltr"` for an element holding content written in
    `code` (a post, a news item, a page's own text), so that on an Arabic page
    French text keeps its punctuation where it belongs, and the reverse. With
    no known language, `dir="auto"` lets the browser judge from the text."""
    code = (code or "").strip()
    if not code:
        return mark_safe(' dir="auto"')  # noqa: S308 - a constant
    try:
        bidi = get_language_info(code)["bidi"]
    except KeyError:
        return format_html(' lang="{}" dir="auto"', code)
    return format_html(' lang="{}" dir="{}"', code, "rtl" if bidi else "ltr")


@register.simple_tag
def page_lang_attrs(page) -> str:
    """`lang_attrs` for a Wagtail page's own text: the language of its locale
    (an untranslated page is served in its original language)."""
    locale_id = getattr(page, "locale_id", None)
    return lang_attrs(locale_code(locale_id) if locale_id else "")


@register.inclusion_tag("translations/fallback_notice.html", takes_context=True)
def translation_fallback_notice(context) -> dict:
    """The notice shown above a page served in its original language because
    it has no translation in the reader's language yet."""
    page = context.get("page")
    if not is_fallback(page):
        return {"notice": ""}
    return {"notice": FALLBACK_NOTICES.get(current_language(), "")}
