from .forum import Forum, ForumIndexPage, ForumQuerySet, forum_root_url
from .moderation import Flag, ModerationLog
from .post import Mention, Post, PostLike, PostQuerySet, PostRevision
from .topic import TaggedTopic, Topic, TopicQuerySet, TopicReadState

__all__ = [
    "Flag",
    "Forum",
    "ForumIndexPage",
    "ForumQuerySet",
    "Mention",
    "ModerationLog",
    "Post",
    "PostLike",
    "PostQuerySet",
    "PostRevision",
    "TaggedTopic",
    "Topic",
    "TopicQuerySet",
    "TopicReadState",
    "forum_root_url",
]
