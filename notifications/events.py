"""What other apps call when something happens: the fan-out is queued once the
write has committed, so nobody hears of something that was rolled back."""

from django.db import transaction

from . import tasks


def _after_commit(task, *args) -> None:
    transaction.on_commit(lambda: task.enqueue(*args))


def news_published(page_id: int) -> None:
    _after_commit(tasks.news_published, page_id)


def page_published(page_id: int) -> None:
    _after_commit(tasks.page_published, page_id)


def topic_started(topic_id: int) -> None:
    _after_commit(tasks.topic_started, topic_id)


def reply_posted(post_id: int) -> None:
    _after_commit(tasks.reply_posted, post_id)


def post_liked(post_id: int, liker_id: int) -> None:
    _after_commit(tasks.post_liked, post_id, liker_id)


def solution_accepted(post_id: int, actor_id: int | None) -> None:
    _after_commit(tasks.solution_accepted, post_id, actor_id)


def post_moderated(post_id: int, action: str, actor_id: int | None) -> None:
    _after_commit(tasks.post_moderated, post_id, action, actor_id)


def approval_requested(task_state_id: int) -> None:
    _after_commit(tasks.approval_requested, task_state_id)
