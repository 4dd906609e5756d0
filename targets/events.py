"""Fan-out of national-target events, queued once the write has committed."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from notifications.kinds import register_kind

TARGET_NEW = "target_new"
TARGET_STATUS = "target_status"


def register_kinds() -> None:
    register_kind(
        TARGET_NEW, _("New national target under a global target you follow"), order=170
    )
    register_kind(
        TARGET_STATUS,
        _("Status change of a national target under a global target you follow"),
        order=180,
    )


def _after_commit(task, *args) -> None:
    transaction.on_commit(lambda: task.enqueue(*args))


def target_published(target_id: int) -> None:
    from . import tasks

    _after_commit(tasks.target_published, target_id)


def status_changed(update_id: int) -> None:
    from . import tasks

    _after_commit(tasks.status_changed, update_id)
