"""Replies and new topics by email (notifications/inbound).

A notification email about a topic or a post in it carries a reply address
bound to the topic; an answer to it is posted with `posting.reply`, and a
forum that accepts topics by email answers at `<slug>@<CHM_INBOUND_DOMAIN>`
with `posting.create_topic`. Both are the site's own actions, so every check
applies as on the site: who may read and reply now, locks, new-member holds,
rate limits, the duplicate check. Their refusals go back to the member.
"""

import re

from django.utils.translation import gettext as _

from notifications.inbound.registry import Posted, register_inbound_handler

from . import posting
from .errors import ForumError, NotAllowed
from .events import MENTION, QUOTE, REPLY, TOPIC
from .models import Forum, Post, Topic

TOPIC_REPLY = "topic"
FORUM_ADDRESS = "forum"
_SUBJECT_PREFIX = re.compile(
    r"^\s*(?:(?:re|fwd?|tr|aw|rv|ответ|回复|答复|رد)\s*[:：]\s*)+", re.I
)


def reply_target(notification) -> int | None:
    """The topic a notification email is about."""
    prefix, _sep, pk = notification.event_key.partition(":")
    if not pk.isdigit():
        return None
    if prefix == "topic":
        return int(pk)
    return Post.objects.filter(pk=int(pk)).values_list("topic_id", flat=True).first()


def reply_by_email(member, topic_id: int, content) -> Posted:
    topic = Topic.objects.select_related("forum").filter(pk=topic_id).first()
    if topic is None or topic.is_deleted:
        raise NotAllowed(_("This topic no longer exists."))
    post = posting.reply(topic, member, content.text, language=content.language)
    return Posted(topic.url_for_post_number(post.number), held=post.is_held)


def forum_for_address(local_part: str) -> int | None:
    return (
        Forum.objects.filter(slug=local_part, topics_by_email=True)
        .values_list("pk", flat=True)
        .first()
    )


def topic_by_email(member, forum_id: int, content) -> Posted:
    forum = Forum.objects.get(pk=forum_id)
    title = _SUBJECT_PREFIX.sub("", content.subject).strip()
    if not title:
        raise ForumError(_("Write the topic's title in the subject of your email."))
    max_length = Topic._meta.get_field("title").max_length
    topic = posting.create_topic(
        forum,
        member,
        title[:max_length],
        content.text,
        language=content.language,
        by_email=True,
    )
    return Posted(topic.get_absolute_url(), held=topic.is_hidden)


def register_inbound() -> None:
    """From `ForumConfig.ready()`."""
    register_inbound_handler(
        TOPIC_REPLY,
        reply=reply_by_email,
        reply_target=reply_target,
        notification_kinds={TOPIC, REPLY, MENTION, QUOTE},
    )
    register_inbound_handler(
        FORUM_ADDRESS, find_address=forum_for_address, start=topic_by_email
    )
