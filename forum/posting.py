"""Writing in the forums: topics, replies, edits, deletions, likes, solutions.

Every function checks permissions itself, so views, the admin, commands and
tests can all call it. Counters move with F() inside the same transaction.

Markdown is cooked before that transaction opens: however long cooking takes,
no row (and, on SQLite, no database) stays locked meanwhile. Permissions are
checked before cooking, so a refused member costs no parsing, and again
under the transaction's locks.
"""

import math
import time
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from community.roles import is_moderator
from core.throttling import hit
from notifications.subscriptions import watch_if_not_following
from tagging.vocabulary import check_tags

from . import events
from .cooking import cook
from .errors import Closed, Duplicate, ForumError, NotAllowed, RateLimited
from .models import Forum, Mention, Post, PostLike, PostRevision, Topic
from .roles import is_new_member

# Discourse's defaults: seconds between posts and between topics.
POST_INTERVAL = 5
POST_INTERVAL_NEW = 30
TOPIC_INTERVAL = 15
TOPIC_INTERVAL_NEW = 120
DUPLICATE_WINDOW = timedelta(minutes=5)
LINK_MARKERS = ("http://", "https://", "www.", "](")


def _rate_key(user, kind: str) -> str:
    return f"forum:rate:{kind}:{user.pk}"


def _interval(user, kind: str) -> int:
    new = is_new_member(user)
    if kind == "topic":
        return TOPIC_INTERVAL_NEW if new else TOPIC_INTERVAL
    return POST_INTERVAL_NEW if new else POST_INTERVAL


def seconds_until_can_post(user, kind: str = "post") -> int:
    """How long the member must still wait before `check_rate_limit` lets a
    post (or topic) through: 0 when they may post now. Shown as a countdown
    beside the form, so nobody has to meet the refusal to learn of it."""
    if not user.is_authenticated or is_moderator(user):
        return 0
    try:
        until = cache.get(_rate_key(user, kind))
    except Exception:  # noqa: BLE001 - without the cache, no countdown to show
        return 0
    if until is None:
        return 0
    if not isinstance(until, int | float) or until < 1_000_000:
        # An entry without its expiry time: the whole interval, at worst.
        return _interval(user, kind)
    return max(0, math.ceil(until - time.time()))


def check_rate_limit(user, kind: str) -> None:
    """At most one post (or topic) per interval, shared by every server process
    through the cache (`cache.add` is atomic). The entry holds the time it
    expires, so a refusal says how long is left rather than the interval."""
    if is_moderator(user):
        return
    seconds = _interval(user, kind)
    key = _rate_key(user, kind)
    if not cache.add(key, time.time() + seconds, timeout=seconds):
        remaining = seconds_until_can_post(user, kind) or 1
        if kind == "topic":
            message = ngettext(
                "Please wait %(seconds)s second between new topics.",
                "Please wait %(seconds)s seconds between new topics.",
                remaining,
            )
        else:
            message = ngettext(
                "You are posting too fast: please wait %(seconds)s second.",
                "You are posting too fast: please wait %(seconds)s seconds.",
                remaining,
            )
        raise RateLimited(message % {"seconds": remaining}, retry_after=remaining)


def check_edit_rate_limit(user) -> None:
    """At most `CHM_EDIT_RATE_LIMIT` edits per member (moderators excepted):
    each edit is cooked again, and edits leave no new post to slow a member
    down otherwise."""
    if is_moderator(user):
        return
    limit = hit(f"user:{user.pk}", settings.CHM_EDIT_RATE_LIMIT, "forum-edit")
    if limit.exceeded:
        raise RateLimited(
            ngettext(
                "You are editing too fast: please wait %(seconds)s second.",
                "You are editing too fast: please wait %(seconds)s seconds.",
                limit.retry_after,
            )
            % {"seconds": limit.retry_after},
            retry_after=limit.retry_after,
        )


def check_duplicate(user, raw: str) -> None:
    """The same text from the same member within the window is refused.

    Checked against what is stored, with the member's row locked until the
    transaction ends: two identical submissions at once store one post, and a
    retry after a request died mid-way (nothing committed) goes through.
    """
    members = get_user_model().objects
    list(members.select_for_update().filter(pk=user.pk).values("pk"))
    recent = timezone.now() - DUPLICATE_WINDOW
    if (
        Post.objects.filter(author=user, created_at__gte=recent, is_deleted=False)
        .filter(raw__in={raw, raw.strip()})
        .exists()
    ):
        raise Duplicate()


def writing_language(language: str = "") -> str:
    """The language a post is recorded in: the one given if the site offers it,
    else the language the member is using the site in (the page they wrote on)."""
    offered = dict(settings.LANGUAGES)
    if language in offered:
        return language
    current = get_language() or settings.LANGUAGE_CODE
    return current if current in offered else settings.LANGUAGE_CODE


def can_read_forum(user, forum: Forum) -> bool:
    return forum.is_visible_to(user)


def check_can_write(user, forum: Forum, topic: Topic | None = None) -> None:
    if not user.is_authenticated or not user.is_active:
        raise NotAllowed(_("Sign in to take part in the forums."))
    if not can_read_forum(user, forum):
        raise NotAllowed()
    if is_moderator(user):
        return
    if forum.is_locked:
        raise Closed(_("This forum is closed to new posts."))
    if topic is not None and (topic.is_locked or topic.is_deleted or topic.is_hidden):
        raise Closed()


def should_hold(user, raw: str) -> bool:
    """New members' first posts with links wait for a moderator (spam defence)."""
    return any(marker in raw for marker in LINK_MARKERS) and is_new_member(user)


def record_mentions(post: Post, members) -> None:
    Mention.objects.bulk_create(
        [
            Mention(post=post, user=member)
            for member in members
            if member != post.author
        ],
        ignore_conflicts=True,
    )


def create_topic(
    forum: Forum,
    author,
    title: str,
    raw: str,
    tags=(),
    page=None,
    rate_limited: bool = True,
    *,
    language: str = "",
    by_email: bool = False,
) -> Topic:
    """A new topic with its first post. `rate_limited=False` is for topics that
    another action opens on the member's behalf (a cooperation request's
    discussion), which that action already paces."""
    check_can_write(author, forum)
    tags = list(tags)
    try:
        check_tags((), known=[tag.name for tag in tags])
    except ValidationError as error:
        raise ForumError(error.messages[0]) from error
    if rate_limited:
        check_rate_limit(author, "topic")
    html, mentioned = cook(raw)
    return _store_topic(
        forum, author, title, raw, html, mentioned, tags, page, language, by_email
    )


@transaction.atomic
def _store_topic(
    forum: Forum,
    author,
    title,
    raw,
    html,
    mentioned,
    tags,
    page,
    language,
    by_email=False,
) -> Topic:
    check_can_write(author, forum)
    language = writing_language(language)
    check_duplicate(author, raw)
    now = timezone.now()
    held = should_hold(author, raw)
    topic = Topic.objects.create(
        forum=forum,
        title=title.strip(),
        author=author,
        created_at=now,
        last_post_at=now,
        last_poster=author,
        post_count=1,
        is_hidden=held,
        page=page,
        language=language,
        by_email=by_email,
    )
    if tags:
        topic.tags.set(tags)
    post = Post.objects.create(
        topic=topic,
        number=1,
        author=author,
        raw=raw,
        html=html,
        created_at=now,
        is_held=held,
        language=language,
    )
    record_mentions(post, mentioned)
    if not held:
        Forum.objects.filter(pk=forum.pk).update(
            topic_count=F("topic_count") + 1,
            post_count=F("post_count") + 1,
            last_post_at=now,
            last_topic=topic,
        )
    watch_if_not_following(author, topic)
    if not held:
        events.topic_started(topic.pk)
    return topic


def reply(
    topic: Topic,
    author,
    raw: str,
    reply_to: Post | None = None,
    *,
    language: str = "",
) -> Post:
    topic = Topic.objects.select_related("forum").get(pk=topic.pk)
    check_can_write(author, topic.forum, topic)
    check_rate_limit(author, "post")
    html, mentioned = cook(raw)
    return _store_reply(topic, author, raw, html, mentioned, reply_to, language)


@transaction.atomic
def _store_reply(topic: Topic, author, raw, html, mentioned, reply_to, language):
    # The topic row is locked while the post number is taken.
    topic = Topic.objects.select_for_update().select_related("forum").get(pk=topic.pk)
    check_can_write(author, topic.forum, topic)
    check_duplicate(author, raw)
    now = timezone.now()
    held = should_hold(author, raw)
    if reply_to is not None and reply_to.topic_id != topic.pk:
        reply_to = None
    post = Post.objects.create(
        topic=topic,
        number=topic.post_count + 1,
        author=author,
        raw=raw,
        html=html,
        reply_to=reply_to,
        created_at=now,
        is_held=held,
        language=writing_language(language),
    )
    visible_changes = (
        {}
        if held
        else {
            "reply_count": F("reply_count") + 1,
            "last_post_at": now,
            "last_poster": author,
        }
    )
    Topic.objects.filter(pk=topic.pk).update(
        post_count=F("post_count") + 1, **visible_changes
    )
    if not held:
        Forum.objects.filter(pk=topic.forum_id).update(
            post_count=F("post_count") + 1, last_post_at=now, last_topic=topic
        )
    record_mentions(post, mentioned)
    watch_if_not_following(author, topic)
    if not held:
        events.reply_posted(post.pk)
    return post


def can_edit(user, post: Post) -> bool:
    if not user.is_authenticated or post.is_deleted:
        return False
    if is_moderator(user):
        return True
    return (
        post.author_id == user.pk
        and not post.topic.is_locked
        and not post.topic.is_deleted
    )


def edit_post(post: Post, editor, raw: str) -> Post:
    post = Post.objects.select_related("topic").get(pk=post.pk)
    if not can_edit(editor, post):
        raise NotAllowed(_("You can edit only your own posts in open topics."))
    if raw == post.raw:
        return post
    check_edit_rate_limit(editor)
    html, mentioned = cook(raw)
    return _store_edit(post, editor, raw, html, mentioned)


@transaction.atomic
def _store_edit(post: Post, editor, raw: str, html: str, mentioned) -> Post:
    post = Post.objects.select_for_update().select_related("topic").get(pk=post.pk)
    if not can_edit(editor, post):
        raise NotAllowed(_("You can edit only your own posts in open topics."))
    if raw == post.raw:
        return post
    PostRevision.objects.create(
        post=post,
        number=post.edit_count + 1,
        raw=post.raw,
        html=post.html,
        created_at=post.edited_at or post.created_at,
        editor=editor,
    )
    post.raw, post.html = raw, html
    post.edited_at = timezone.now()
    post.edit_count = F("edit_count") + 1
    post.save(update_fields=["raw", "html", "edited_at", "edit_count"])
    post.refresh_from_db(fields=["edit_count"])
    record_mentions(post, mentioned)
    return post


def can_delete(user, post: Post) -> bool:
    if not user.is_authenticated or post.is_deleted:
        return False
    return is_moderator(user) or post.author_id == user.pk


@transaction.atomic
def delete_post(post: Post, user) -> None:
    """Soft delete: the post (or, for a first post, the topic) disappears."""
    if not can_delete(user, post):
        raise NotAllowed(_("You can delete only your own posts."))
    Post.objects.filter(pk=post.pk).update(is_deleted=True)
    if post.is_first:
        Topic.objects.filter(pk=post.topic_id).update(is_deleted=True)
        Forum.objects.filter(pk=post.topic.forum_id).update(
            topic_count=F("topic_count") - 1
        )
    elif not (post.is_hidden or post.is_held):
        Topic.objects.filter(pk=post.topic_id).update(reply_count=F("reply_count") - 1)
    if post.topic.solution_id == post.pk:
        Topic.objects.filter(pk=post.topic_id).update(solution=None)


def like_post(post: Post, user) -> None:
    if not user.is_authenticated:
        raise NotAllowed(_("Sign in to like posts."))
    if post.author_id == user.pk:
        raise ForumError(_("You cannot like your own post."))
    if post.is_deleted or post.is_hidden or post.is_held:
        raise ForumError(_("This post cannot be liked."))
    try:
        with transaction.atomic():
            PostLike.objects.create(post=post, user=user)
            Post.objects.filter(pk=post.pk).update(like_count=F("like_count") + 1)
            Topic.objects.filter(pk=post.topic_id).update(
                like_count=F("like_count") + 1
            )
            events.post_liked(post.pk, user.pk)
    except IntegrityError as error:
        raise ForumError(_("You already like this post.")) from error


def unlike_post(post: Post, user) -> None:
    with transaction.atomic():
        deleted, _rows = PostLike.objects.filter(post=post, user=user).delete()
        if not deleted:
            raise ForumError(_("You do not like this post yet."))
        Post.objects.filter(pk=post.pk).update(like_count=F("like_count") - 1)
        Topic.objects.filter(pk=post.topic_id).update(like_count=F("like_count") - 1)


def can_mark_solution(user, topic: Topic) -> bool:
    return (
        user.is_authenticated
        and topic.forum.allow_solutions
        and (topic.author_id == user.pk or is_moderator(user))
    )


def mark_solution(post: Post, user) -> None:
    topic = post.topic
    if not can_mark_solution(user, topic):
        raise NotAllowed(
            _("Only the author of the question or a moderator can do this.")
        )
    if post.is_first or post.is_deleted or post.is_hidden or post.is_held:
        raise ForumError(_("This post cannot be the solution."))
    Topic.objects.filter(pk=topic.pk).update(solution=post)
    events.solution_accepted(post.pk, user.pk)


def unmark_solution(topic: Topic, user) -> None:
    if not can_mark_solution(user, topic):
        raise NotAllowed()
    Topic.objects.filter(pk=topic.pk).update(solution=None)
