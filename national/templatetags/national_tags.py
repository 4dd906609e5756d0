"""Links between a national site and the network, and its chrome.

A national host serves its country's pages and little else, so the header's
and footer's links to the network (forums, search, members, ...) are
absolute addresses on the network's site there; on the network they stay
paths."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from ..hosting import main_base_url, national_country
from ..hosting import national_site_url as site_url
from ..menus import national_menu

register = template.Library()


@register.simple_tag(takes_context=True)
def network_url(context, name=None, *args, **kwargs) -> str:
    """The route `name` on the network's site; with no name, its home page."""
    if name is None:
        return f"{main_base_url()}/"
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


@register.simple_tag
def national_menu_for(country) -> list:
    """The national website's menu of `country` (two queries at most)."""
    return national_menu(country) if country is not None else []


@register.simple_tag
def national_site_url(country) -> str:
    return site_url(country)


@register.simple_tag
def national_site_classes(country) -> str:
    """The body's classes on a national website: its accent's palette class
    and, for a custom colour, the class its own stylesheet sets."""
    classes = ["national-site", country.accent_class]
    if country.accent_custom:
        classes.append("custom-accent")
    return " ".join(classes)
