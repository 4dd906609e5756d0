"""What other apps call when something happens: the fan-out is queued once the
write has committed, so nobody hears of something that was rolled back.

Each app that raises notifications keeps its own events.py, audiences.py and
tasks.py (forum, blog, toolkits, cooperation) and registers its kinds
(kinds.py); here are the helpers they share and the events of Wagtail's
review workflow, which belongs to no content app."""

from django.db import transaction


def after_commit(task, *args) -> None:
    """Enqueue `task` with `args` once the current transaction commits."""
    transaction.on_commit(lambda: task.enqueue(*args))


def is_first_publication(page) -> bool:
    """Whether Wagtail's `page_published` is the page's first publication
    (only that is news; later publications are edits)."""
    if not (page.last_published_at and page.first_published_at):
        return True
    return abs((page.last_published_at - page.first_published_at).total_seconds()) <= 5


def approval_requested(task_state_id: int) -> None:
    from . import tasks

    after_commit(tasks.approval_requested, task_state_id)
