"""Toolkit notifications, off the request path (django-tasks)."""

from django_tasks import task

from notifications.delivery import deliver

from . import audiences


@task()
def page_published(page_id: int) -> int:
    """Tell the followers of a new toolkit's library and tags about it (once
    queued as notifications.tasks.page_published)."""
    from wagtail.models import Page

    page = Page.objects.live().public().filter(pk=page_id).first()
    return len(deliver(audiences.page_published(page.specific))) if page else 0
