from django import template

from ..discussions import discussion_for
from ..models import forum_root_url

register = template.Library()


@register.inclusion_tag("forum/page_discussion.html", takes_context=True)
def page_discussion(context, page):
    request = context["request"]
    topic = discussion_for(page, request.user)
    root = forum_root_url()
    return {
        "request": request,
        "user": request.user,
        "page": page,
        "topic": topic,
        "topic_url": topic.get_absolute_url(root) if topic else "",
        "start_url": f"{root}discuss/{page.pk}/",
        "csrf_token": context.get("csrf_token"),
    }
