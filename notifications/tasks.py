"""Fan-out of this app's own events, off the request path (django-tasks), and
the periodic digest run.

Tasks are queued by dotted path (the database backend stores it). The tasks of
the content apps once lived here; an app that moved one registers it under its
former name with `register_former_path`, so what a queue held at deploy time
still finds it as notifications.tasks.<name>."""

from django_tasks import task

from . import audiences
from .delivery import deliver

_FORMER: dict[str, object] = {}


def register_former_path(name: str, moved_task) -> None:
    """Let `notifications.tasks.<name>` resolve to `moved_task`."""
    _FORMER[name] = moved_task


def __getattr__(name: str):
    try:
        return _FORMER[name]
    except KeyError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


@task()
def approval_requested(task_state_id: int) -> int:
    from wagtail.models import TaskState

    state = TaskState.objects.filter(pk=task_state_id).first()
    return len(deliver(audiences.approval_requested(state))) if state else 0


@task()
def send_digests() -> int:
    """The periodic digest run; schedule it hourly (cron or a systemd timer
    running `manage.py send_digests`, or enqueue this task)."""
    from .emails import send_digests as send

    return send()


@task()
def push_notifications(user_id: int) -> int:
    """Push what is new to the member's devices (push.py: batching, privacy)."""
    from .push import push_pending

    return push_pending(user_id)
