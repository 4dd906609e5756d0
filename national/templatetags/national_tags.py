from django import template

from national import addresses
from national.menus import national_menu

register = template.Library()


@register.simple_tag
def national_menu_for(country) -> list:
    """The national website's menu of `country` (two queries at most)."""
    return national_menu(country) if country is not None else []


@register.simple_tag
def national_site_url(country) -> str:
    return addresses.national_site_url(country)


@register.simple_tag
def network_url() -> str:
    return addresses.network_url()


@register.simple_tag
def national_site_classes(country) -> str:
    """The body's classes on a national website: its accent's palette class
    and, for a custom colour, the class its own stylesheet sets."""
    classes = ["national-site", country.accent_class]
    if country.accent_custom:
        classes.append("custom-accent")
    return " ".join(classes)
