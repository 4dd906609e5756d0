"""Fan-out of events, off the request path (django-tasks)."""

from django_tasks import task

from . import audiences
from .delivery import announce_post, deliver, record_like


@task()
def news_published(page_id: int) -> int:
    from blog.models import BlogPostPage

    post = (
        BlogPostPage.objects.live()
        .public()
        .select_related("country", "region")
        .filter(pk=page_id)
        .first()
    )
    return len(deliver(audiences.news_published(post))) if post else 0


@task()
def page_published(page_id: int) -> int:
    from wagtail.models import Page

    page = Page.objects.live().public().filter(pk=page_id).first()
    return len(deliver(audiences.page_published(page.specific))) if page else 0


@task()
def topic_started(topic_id: int) -> int:
    from forum.models import Topic

    topic = Topic.objects.select_related("forum", "author").filter(pk=topic_id).first()
    return len(deliver(audiences.topic_started(topic))) if topic else 0


@task()
def reply_posted(post_id: int) -> int:
    from forum.models import Post

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
    from forum.models import Post

    post = Post.objects.select_related("topic__forum").filter(pk=post_id).first()
    if post:
        record_like(post, liker_id)


@task()
def solution_accepted(post_id: int, actor_id: int | None) -> int:
    from forum.models import Post

    post = Post.objects.select_related("topic__forum").filter(pk=post_id).first()
    return len(deliver(audiences.solution_accepted(post, actor_id))) if post else 0


@task()
def post_moderated(post_id: int, action: str, actor_id: int | None) -> int:
    from forum.models import Post

    post = Post.objects.select_related("topic__forum").filter(pk=post_id).first()
    return len(deliver(audiences.post_moderated(post, action, actor_id))) if post else 0


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
