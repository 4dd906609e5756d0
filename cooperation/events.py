"""Fan-out of cooperation events, queued once the write has committed (like
notifications/events.py), so nobody hears of something rolled back."""

from django.db import transaction


def _after_commit(task, *args) -> None:
    transaction.on_commit(lambda: task.enqueue(*args))


def request_opened(request_id: int) -> None:
    from . import tasks

    _after_commit(tasks.request_opened, request_id)


def offer_published(offer_id: int) -> None:
    from . import tasks

    _after_commit(tasks.offer_published, offer_id)


def request_updated(event_id: int) -> None:
    from . import tasks

    _after_commit(tasks.request_updated, event_id)
