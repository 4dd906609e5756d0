from django import template

from ..follow_control import TEMPLATE, control_context

register = template.Library()


@register.inclusion_tag(TEMPLATE, takes_context=True)
def follow_button(context, obj, level=None):
    """The follow control for any followable object, with its current level
    (pass `level` when it is already known, to save a query)."""
    return {
        **control_context(context["request"], obj, level=level),
        "csrf_token": context.get("csrf_token"),
    }
