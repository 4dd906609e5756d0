"""What forum.posting and forum.moderation call when something happens in a
forum: the fan-out is queued once the write has committed, so nobody hears of
something that was rolled back. The kinds of notification the forum raises
are registered with notifications from `ForumConfig.ready()`."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from notifications.kinds import register_kind

TOPIC = "topic"
REPLY = "reply"
MENTION = "mention"
QUOTE = "quote"
LIKE = "like"
SOLUTION = "solution"


def register_kinds() -> None:
    register_kind(TOPIC, _("New forum topic"), order=20)
    register_kind(REPLY, _("Reply in a topic you follow"), order=30)
    register_kind(MENTION, _("Mention of you"), order=40)
    register_kind(QUOTE, _("Quote of your post"), order=50)
    register_kind(LIKE, _("Likes of your posts"), order=60)
    register_kind(SOLUTION, _("Your answer accepted as the solution"), order=70)


def _after_commit(task, *args) -> None:
    transaction.on_commit(lambda: task.enqueue(*args))


def topic_started(topic_id: int) -> None:
    from . import tasks

    _after_commit(tasks.topic_started, topic_id)


def reply_posted(post_id: int) -> None:
    from . import tasks

    _after_commit(tasks.reply_posted, post_id)


def post_liked(post_id: int, liker_id: int) -> None:
    from . import tasks

    _after_commit(tasks.post_liked, post_id, liker_id)


def solution_accepted(post_id: int, actor_id: int | None) -> None:
    from . import tasks

    _after_commit(tasks.solution_accepted, post_id, actor_id)


def post_moderated(post_id: int, action: str, actor_id: int | None) -> None:
    from . import tasks

    _after_commit(tasks.post_moderated, post_id, action, actor_id)
