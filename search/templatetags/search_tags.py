from django import template
from django.utils.http import urlencode

register = template.Library()


@register.simple_tag
def search_url(query: dict, **changes) -> str:
    """`?…` for a dict of GET parameters, with `changes` applied (empty drops)."""
    values = dict(query)
    values.update(changes)
    return "?" + urlencode({k: v for k, v in values.items() if v not in ("", None)})
