"""Forum notifications, off the request path (django-tasks).

These tasks were once queued as notifications.tasks.<name>; `ForumConfig.ready()`
registers them under those paths too, so what a queue held at deploy time
still runs (see notifications.tasks.register_former_path)."""

from django_tasks import task

from notifications.delivery import deliver, deliver_counted
from notifications.live import push

from . import audiences


def announce_post(topic_id: int, number: int) -> None:
    """Tell open pages of a topic that a new post is there."""
    push("topic", topic_id, {"type": "topic.post", "topic": topic_id, "number": number})


@task()
def topic_started(topic_id: int) -> int:
    from .models import Topic

    topic = Topic.objects.select_related("forum", "author").filter(pk=topic_id).first()
    return len(deliver(audiences.topic_started(topic))) if topic else 0


@task()
def reply_posted(post_id: int) -> int:
    from .models import Post

    post = (
        Post.objects.select_related("topic__forum", "author", "reply_to")
        .filter(pk=post_id)
        .first()
    )
    if post is None:
        return 0
    if not (post.is_held or post.is_hidden or post.is_deleted):
        announce_post(post.topic_id, post.number)
    return len(deliver(audiences.reply_posted(post)))


@task()
def post_liked(post_id: int, liker_id: int) -> None:
    from .models import Post

    post = Post.objects.select_related("topic__forum").filter(pk=post_id).first()
    if post is None or post.author_id == liker_id:
        return
    count = Post.objects.filter(pk=post.pk).values_list("like_count", flat=True).first()
    draft = audiences.post_liked(post, liker_id, count)
    if draft:
        deliver_counted(draft, count)


@task()
def solution_accepted(post_id: int, actor_id: int | None) -> int:
    from .models import Post

    post = Post.objects.select_related("topic__forum").filter(pk=post_id).first()
    return len(deliver(audiences.solution_accepted(post, actor_id))) if post else 0


@task()
def post_moderated(post_id: int, action: str, actor_id: int | None) -> int:
    from .models import Post

    post = Post.objects.select_related("topic__forum").filter(pk=post_id).first()
    return len(deliver(audiences.post_moderated(post, action, actor_id))) if post else 0
