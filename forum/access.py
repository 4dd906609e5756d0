"""Who may read, reply and moderate in the forums.

Reading is decided by the models' QuerySets, so a list never holds what its
reader may not see: `Forum.objects.visible_to(user)` (public forums,
members' forums for members, focal points' forums for focal points,
everything for moderators), `Topic.objects.visible_to(user)` and
`Post.objects.visible_to(user)` (hidden and held posts for their authors and
moderators only). This module answers the same questions for one object, as
the views ask them:

- `readable_forum(user, slug)` / `readable_topic(user, topic_id, forum)` /
  `readable_post(user, post_id)`: the forum, topic or post, or None when it
  does not exist or may not be read (both answer alike, so an address tells
  nothing about what is private);
- `can_reply(user, topic)`: the posting rules of forum.posting (signed in,
  not suspended, forum and topic open);
- `can_moderate(user)`: community's moderator (`community.roles`).
"""

from community.roles import is_moderator
from core.refusals import Refusal

from . import posting
from .models import Forum, Post, Topic

__all__ = [
    "can_moderate",
    "can_reply",
    "readable_forum",
    "readable_post",
    "readable_topic",
]


def can_moderate(user) -> bool:
    return is_moderator(user)


def readable_forum(user, slug: str) -> Forum | None:
    forum = Forum.objects.filter(slug=slug).first()
    if forum is None or not forum.is_visible_to(user):
        return None
    return forum


def readable_topic(user, topic_id: int, forum: Forum | None = None) -> Topic | None:
    topic = (
        Topic.objects.visible_to(user)
        .select_related("forum", "author")
        .filter(pk=topic_id)
        .first()
    )
    if topic is None or (forum is not None and topic.forum_id != forum.pk):
        return None
    return topic


def readable_post(user, post_id: int) -> Post | None:
    """The post, if `user` may read it and the topic it is in."""
    post = (
        Post.objects.visible_to(user)
        .select_related("topic__forum", "author")
        .filter(pk=post_id)
        .first()
    )
    if post is None or readable_topic(user, post.topic_id) is None:
        return None
    return post


def can_reply(user, topic: Topic) -> bool:
    try:
        posting.check_can_write(user, topic.forum, topic)
    except Refusal:
        return False
    return True
