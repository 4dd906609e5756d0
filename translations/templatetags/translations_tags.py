from django import template

from translations import names

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
