from django import template

from ..followable import followable_name
from ..models import WatchLevel
from ..subscriptions import watch_level

register = template.Library()


@register.inclusion_tag("includes/follow_button.html", takes_context=True)
def follow_button(context, obj):
    """The follow control for any followable object, with the current level."""
    request = context["request"]
    return {
        "request": request,
        "user": request.user,
        "csrf_token": context.get("csrf_token"),
        "follow_kind": followable_name(obj),
        "follow_obj": obj,
        "follow_level": watch_level(request.user, obj),
        "watch_levels": WatchLevel.choices,
    }
