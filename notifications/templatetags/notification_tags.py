from django import template
from django.utils.safestring import mark_safe

from core.member_pages import marker, marking

from ..follow_control import render_control
from ..followable import followable_name

register = template.Library()


@register.simple_tag(takes_context=True)
def follow_button(context, obj, level=None):
    """The follow control for any followable object, with its current level
    (pass `level` when it is already known, to save a query). On a member's
    page it is a personal part (notifications/personal.py)."""
    request = context["request"]
    kind = followable_name(obj)
    if level is None and kind and marking(request):
        return mark_safe(marker("notifications.follow", f"{kind}-{obj.pk}"))  # noqa: S308 - our own marker
    return render_control(request, obj, level, context.get("csrf_token"))
