from django import template

from ..country_actions import country_actions_for

register = template.Library()


@register.inclusion_tag("community/includes/country_actions.html", takes_context=True)
def country_actions(context, page) -> dict:
    """The country's editing buttons, for those allowed to use them."""
    request = context.get("request")
    user = getattr(request, "user", None)
    actions = country_actions_for(user, page) if user is not None else []
    return {"actions": actions, "page": page}
