"""National-target notifications, off the request path (django-tasks)."""

from django_tasks import task

from notifications.delivery import deliver

from . import audiences


@task()
def target_published(target_id: int) -> int:
    from .models import NationalTarget

    target = (
        NationalTarget.objects.select_related("country").filter(pk=target_id).first()
    )
    return len(deliver(audiences.target_published(target))) if target else 0


@task()
def status_changed(update_id: int) -> int:
    from .models import ProgressUpdate

    update = (
        ProgressUpdate.objects.select_related("national_target__country")
        .filter(pk=update_id)
        .first()
    )
    return len(deliver(audiences.status_changed(update))) if update else 0
