"""Toolkits raise one event: a toolkit published for the first time
(toolkits.signals). Its fan-out is queued once the publication has committed;
the kind of notification it creates is registered from `ToolkitsConfig.ready()`."""

from django.utils.translation import gettext_lazy as _

from notifications.events import after_commit
from notifications.kinds import register_kind

TOOLKIT = "toolkit"


def register_kinds() -> None:
    register_kind(TOOLKIT, _("New toolkit"), order=80)


def page_published(page_id: int) -> None:
    from . import tasks

    after_commit(tasks.page_published, page_id)
