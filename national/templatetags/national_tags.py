"""Links from a national site's pages to the network's.

A national host serves its country's pages and little else, so the header's
and footer's links to the network (forums, search, members, ...) are
absolute addresses on the network's site there; on the network they stay
paths."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from ..hosting import main_base_url, national_country

register = template.Library()


@register.simple_tag(takes_context=True)
def network_url(context, name, *args, **kwargs) -> str:
    path = reverse(name, args=args, kwargs=kwargs)
    request = context.get("request")
    if request is not None and national_country(request) is not None:
        return main_base_url() + path
    return path


@register.simple_tag(takes_context=True)
def sign_in_url(context) -> str:
    """Sign in: the hand-off on a national site, allauth's form elsewhere."""
    request = context.get("request")
    if request is not None and national_country(request) is not None:
        query = urlencode({"next": request.get_full_path()})
        return f"{reverse('national:sign_in')}?{query}"
    return reverse("account_login")
