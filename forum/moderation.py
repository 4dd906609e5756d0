"""Moderators' actions. Each one is logged in ModerationLog."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from community.roles import is_moderator

from . import events
from .errors import ForumError, NotAllowed
from .models import Flag, Forum, ModerationLog, Post, Topic


def require_moderator(user) -> None:
    if not is_moderator(user):
        raise NotAllowed(_("Only moderators can do this."))


def log(moderator, action: str, *, topic=None, post=None, member=None, reason=""):
    ModerationLog.objects.create(
        moderator=moderator,
        action=action,
        topic=topic or (post.topic if post else None),
        post=post,
        member=member or (post.author if post else None),
        reason=reason[:500],
    )


@transaction.atomic
def hide_post(post: Post, moderator, reason: str = "") -> None:
    require_moderator(moderator)
    if post.is_hidden:
        return
    Post.objects.filter(pk=post.pk).update(is_hidden=True)
    if post.is_first:
        Topic.objects.filter(pk=post.topic_id).update(is_hidden=True)
    elif not (post.is_deleted or post.is_held):
        Topic.objects.filter(pk=post.topic_id).update(reply_count=F("reply_count") - 1)
    log(moderator, "hide_post", post=post, reason=reason)
    events.post_moderated(post.pk, "hidden", moderator.pk)


@transaction.atomic
def restore_post(post: Post, moderator, reason: str = "") -> None:
    require_moderator(moderator)
    if not post.is_hidden:
        return
    Post.objects.filter(pk=post.pk).update(is_hidden=False)
    if post.is_first:
        Topic.objects.filter(pk=post.topic_id).update(is_hidden=False)
    elif not (post.is_deleted or post.is_held):
        Topic.objects.filter(pk=post.topic_id).update(reply_count=F("reply_count") + 1)
    log(moderator, "restore_post", post=post, reason=reason)
    events.post_moderated(post.pk, "restored", moderator.pk)


@transaction.atomic
def approve_held_post(post: Post, moderator) -> None:
    require_moderator(moderator)
    if not post.is_held:
        return
    Post.objects.filter(pk=post.pk).update(is_held=False)
    now = timezone.now()
    topic_changes = {"last_post_at": now, "last_poster": post.author}
    if post.is_first:
        topic_changes["is_hidden"] = False
        Forum.objects.filter(pk=post.topic.forum_id).update(
            topic_count=F("topic_count") + 1,
            post_count=F("post_count") + 1,
            last_post_at=now,
            last_topic=post.topic,
        )
    else:
        topic_changes["reply_count"] = F("reply_count") + 1
        Forum.objects.filter(pk=post.topic.forum_id).update(
            post_count=F("post_count") + 1, last_post_at=now, last_topic=post.topic
        )
    Topic.objects.filter(pk=post.topic_id).update(**topic_changes)
    log(moderator, "approve_post", post=post)
    events.post_moderated(post.pk, "approved", moderator.pk)
    if post.is_first:
        events.topic_started(post.topic_id)
    else:
        events.reply_posted(post.pk)


def reject_held_post(post: Post, moderator) -> None:
    require_moderator(moderator)
    Post.objects.filter(pk=post.pk).update(is_held=False, is_hidden=True)
    if post.is_first:
        Topic.objects.filter(pk=post.topic_id).update(is_hidden=True)
    log(moderator, "reject_post", post=post)
    events.post_moderated(post.pk, "rejected", moderator.pk)


def _set_topic(topic: Topic, moderator, action: str, **fields) -> None:
    require_moderator(moderator)
    Topic.objects.filter(pk=topic.pk).update(**fields)
    for name, value in fields.items():
        setattr(topic, name, value)
    log(moderator, action, topic=topic, member=topic.author)


def lock_topic(topic: Topic, moderator) -> None:
    _set_topic(topic, moderator, "lock_topic", is_locked=True)


def unlock_topic(topic: Topic, moderator) -> None:
    _set_topic(topic, moderator, "unlock_topic", is_locked=False)


def pin_topic(topic: Topic, moderator) -> None:
    _set_topic(topic, moderator, "pin_topic", is_pinned=True)


def unpin_topic(topic: Topic, moderator) -> None:
    _set_topic(topic, moderator, "unpin_topic", is_pinned=False)


@transaction.atomic
def delete_topic(topic: Topic, moderator, reason: str = "") -> None:
    require_moderator(moderator)
    if topic.is_deleted:
        return
    Topic.objects.filter(pk=topic.pk).update(is_deleted=True)
    Forum.objects.filter(pk=topic.forum_id).update(topic_count=F("topic_count") - 1)
    topic.is_deleted = True
    log(moderator, "delete_topic", topic=topic, member=topic.author, reason=reason)


@transaction.atomic
def move_topic(topic: Topic, destination: Forum, moderator) -> None:
    require_moderator(moderator)
    if destination.pk == topic.forum_id:
        raise ForumError(_("The topic is already in this forum."))
    posts = Post.objects.filter(topic=topic).public().count()
    Forum.objects.filter(pk=topic.forum_id).update(
        topic_count=F("topic_count") - 1, post_count=F("post_count") - posts
    )
    Forum.objects.filter(pk=destination.pk).update(
        topic_count=F("topic_count") + 1, post_count=F("post_count") + posts
    )
    Topic.objects.filter(pk=topic.pk).update(forum=destination)
    topic.forum = destination
    log(
        moderator,
        "move_topic",
        topic=topic,
        member=topic.author,
        reason=destination.name,
    )


def suspend_member(member, moderator, reason: str = "") -> None:
    """A suspended member can no longer sign in; their posts stay as they are."""
    require_moderator(moderator)
    if member.is_superuser or member.pk == moderator.pk:
        raise ForumError(_("This member cannot be suspended."))
    # save(), not update(): the account's post_save signal is what ends the
    # member's open websockets (notifications.signals).
    member.is_active = False
    member.save(update_fields=["is_active"])
    log(moderator, "suspend_member", member=member, reason=reason)


def flag_post(post: Post, reporter, reason: str, text: str = "") -> Flag:
    if not reporter.is_authenticated:
        raise NotAllowed(_("Sign in to flag posts."))
    if post.author_id == reporter.pk:
        raise ForumError(_("You cannot flag your own post."))
    flag, created = Flag.objects.get_or_create(
        post=post,
        reporter=reporter,
        resolved_at=None,
        defaults={"reason": reason, "text": text},
    )
    if not created:
        raise ForumError(_("You have already flagged this post."))
    return flag


@transaction.atomic
def resolve_flag(flag: Flag, moderator, outcome: str) -> None:
    require_moderator(moderator)
    if outcome not in Flag.Outcome.values:
        raise ForumError(_("Unknown decision."))
    if outcome == Flag.Outcome.HIDDEN:
        hide_post(flag.post, moderator, reason=flag.get_reason_display())
    # Every open flag on the post is settled by the same decision.
    Flag.objects.open().filter(post=flag.post).update(
        resolved_at=timezone.now(), resolved_by=moderator, outcome=outcome
    )
    log(moderator, f"flag_{outcome}", post=flag.post, reason=flag.text)
