"""The forum's personal parts of a member's page (core/member_pages.py).

- `forum.post_actions`: under each post, what this reader may do with it:
  their like, quote, mark as solution, edit and delete (their own posts),
  flag (others' posts). One query for the page (the reader's likes); each
  form of the part is rendered once per audience.
- `forum.wait`: the composer's countdown while this member's posting
  interval runs (a cache read).
- the effect `forum.mark_read`: reading a topic page moves the member's read
  mark, whether the page was rendered or served from the shared cache.
- the audience part `forum`: a member who sees their own hidden topic or a
  post of theirs still waiting for review sees what others do not; their
  forum pages are rendered for them alone.
"""

from django.db.models import Exists, Q
from django.template.loader import get_template

from core.member_pages import (
    cached_parts,
    csrf_token,
    register_audience_part,
    register_effect,
    register_filler,
)
from core.versioned import Remembered

from . import posting, reading
from .access import can_moderate, can_reply
from .models import Post, PostLike, Topic
from .views.composer import composer_wait


def index_url(request, forum) -> str:
    """The forum index's address as the page being read spells it (with
    its language prefix): the part of the path before the forum's own."""
    marker = f"/{forum.slug}/"
    path = request.path
    return path[: path.index(marker) + 1] if marker in path else "/forums/"


def post_actions(request, args: list[str]) -> dict[str, str]:
    """Each argument is "post:author:topic author" (ids): the part takes one of
    a few forms for this reader (their own post or another's, liked or not,
    their own topic or not), each rendered once for the audience
    (core.member_pages.cached_parts); a page costs the query of the
    reader's likes."""
    user = request.user
    parsed = {}
    for arg in args:
        ids = arg.split(":")
        if len(ids) == 3 and all(part.isdigit() for part in ids):
            parsed[arg] = tuple(int(part) for part in ids)
    if not parsed:
        return {}
    liked = PostLike.objects.liked_by(user, sorted({ids[0] for ids in parsed.values()}))
    path = request.path.removesuffix("reply/")
    forms = {
        arg: (
            f"post-actions:{path}:{post}:{int(author == user.pk)}"
            f"{int(post in liked)}{int(topic_author == user.pk)}"
        )
        for arg, (post, author, topic_author) in parsed.items()
    }
    return cached_parts(
        request,
        forms,
        lambda missing: _render_post_actions(
            request, {parsed[arg][0]: arg for arg in missing}, liked
        ),
    )


def _render_post_actions(request, args_by_post: dict[int, str], liked) -> dict:
    user = request.user
    posts = (
        Post.objects.filter(pk__in=list(args_by_post))
        .select_related("topic__forum")
        .defer("raw", "html", "topic__forum__description")
        .order_by("pk")
    )
    template = get_template("forum/includes/post_actions.html")
    moderator = can_moderate(user)
    token = csrf_token(request)
    answers = {}
    by_topic = {}
    for post in posts:
        topic = post.topic
        if topic.pk not in by_topic:
            by_topic[topic.pk] = {
                "topic": topic,
                "page": {"url": index_url(request, topic.forum)},
                "topic_url": request.path.removesuffix("reply/"),
                "can_reply": can_reply(user, topic),
                "can_mark_solution": posting.can_mark_solution(user, topic),
            }
        post.liked = post.pk in liked
        post.can_edit = posting.can_edit(user, post)
        post.can_delete = posting.can_delete(user, post)
        answers[args_by_post[post.pk]] = template.render(
            {
                **by_topic[topic.pk],
                "post": post,
                "user": user,
                "request": request,
                "is_moderator": moderator,
                "csrf_token": token,
            }
        )
    return answers


def wait(request, args: list[str]) -> dict[str, str]:
    template = get_template("forum/includes/composer_wait.html")
    return {
        kind: template.render({"wait": composer_wait(request.user, kind)})
        for kind in args
        if kind in ("post", "topic")
    }


def mark_read(request, topic_id: int, number: int) -> None:
    user = request.user
    if user.is_authenticated:
        reading.mark_read(user, Topic(pk=topic_id), number)


# Topics and posts are content: every change to them bumps the content
# version, so a process may keep a member's answer until the next one.
_unlisted_of_their_own = Remembered("forum.unlisted_of_their_own")


def audience_part(user) -> str | None:
    """None for a member with a hidden topic or a hidden or held post of
    their own (they see it; the rest of their audience does not). One query,
    on two small partial indexes, kept by the process until the next content
    write."""
    if can_moderate(user):
        return ""
    unlisted = _unlisted_of_their_own.get(user.pk, lambda: _has_unlisted(user))
    return None if unlisted else ""


def _has_unlisted(user) -> bool:
    hidden_topics = Topic.objects.filter(author=user, is_hidden=True, is_deleted=False)
    unlisted_posts = Post.objects.filter(author=user, is_deleted=False).filter(
        Q(is_hidden=True) | Q(is_held=True)
    )
    own = (
        user._meta.model.objects.filter(pk=user.pk)
        .annotate(topics=Exists(hidden_topics), posts=Exists(unlisted_posts))
        .values_list("topics", "posts")
        .first()
    )
    return own is None or any(own)


def register() -> None:
    register_filler("forum.post_actions", post_actions)
    register_filler("forum.wait", wait)
    register_effect("forum.mark_read", mark_read)
    register_audience_part("forum", audience_part)
