"""Who hears about what happens in the forums: watchers of a forum, topic, tag
or author, the members mentioned or quoted, the author of a liked, accepted or
moderated post. Each resolver returns the notifications an event creates, one
per recipient at most, never for the actor, never for someone who may not read
the forum."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from community.models import CountryPage
from community.roles import moderators
from notifications.audiences import Draft, active, muted, subscribers
from notifications.kinds import MODERATION
from notifications.naming import member_label

from .events import LIKE, MENTION, QUOTE, REPLY, SOLUTION, TOPIC
from .models import Forum


def forum_readers(forum, user_ids: set[int]) -> set[int]:
    """Of `user_ids`, those who may read `forum`."""
    if forum.visibility == Forum.Visibility.PUBLIC or forum.visibility == (
        Forum.Visibility.MEMBERS
    ):
        return user_ids
    focal = set(
        CountryPage.objects.filter(focal_point_group__user__in=user_ids).values_list(
            "focal_point_group__user", flat=True
        )
    )
    moderating = set(
        moderators(get_user_model().objects.filter(pk__in=user_ids)).values_list(
            "pk", flat=True
        )
    )
    return user_ids & (focal | moderating)


def topic_started(topic) -> list[Draft]:
    first = topic.posts.get(number=1)
    if first.is_held or topic.is_hidden:
        return []
    url = topic.get_absolute_url()
    drafts = _mentions(first, url)
    already = {draft.recipient_id for draft in drafts}
    watchers = subscribers([topic.forum, *topic.tags.all(), topic.author])
    watchers -= muted([topic.forum]) | {topic.author_id} | already
    drafts += [
        Draft(
            user_id,
            TOPIC,
            _("New topic in %(forum)s: %(title)s")
            % {"forum": topic.forum.name, "title": topic.title},
            url,
            f"topic:{topic.pk}",
            topic.author_id,
        )
        for user_id in watchers
    ]
    return _readable(topic.forum, drafts)


def reply_posted(post) -> list[Draft]:
    topic = post.topic
    if post.is_held or post.is_hidden or post.is_deleted:
        return []
    url = topic.url_for_post_number(post.number)
    drafts = _mentions(post, url)
    quoted = post.reply_to.author_id if post.reply_to_id else None
    taken = {draft.recipient_id for draft in drafts}
    silenced = muted([topic, topic.forum])
    if quoted and quoted not in taken | {post.author_id} | silenced:
        drafts.append(
            Draft(
                quoted,
                QUOTE,
                _("%(name)s quoted you in “%(title)s”")
                % {"name": member_label(post.author), "title": topic.title},
                url,
                f"quote:{post.pk}",
                post.author_id,
            )
        )
        taken.add(quoted)
    watchers = subscribers([topic]) - silenced - taken - {post.author_id}
    drafts += [
        Draft(
            user_id,
            REPLY,
            _("%(name)s replied in “%(title)s”")
            % {"name": member_label(post.author), "title": topic.title},
            url,
            f"reply:{post.pk}",
            post.author_id,
        )
        for user_id in watchers
    ]
    return _readable(topic.forum, drafts)


def _mentions(post, url: str) -> list[Draft]:
    topic = post.topic
    silenced = muted([topic, topic.forum])
    return [
        Draft(
            mention.user_id,
            MENTION,
            _("%(name)s mentioned you in “%(title)s”")
            % {"name": member_label(post.author), "title": topic.title},
            url,
            f"mention:{post.pk}",
            post.author_id,
        )
        for mention in post.mentions.all()
        if mention.user_id != post.author_id and mention.user_id not in silenced
    ]


def _readable(forum, drafts: list[Draft]) -> list[Draft]:
    ids = active({draft.recipient_id for draft in drafts})
    readers = forum_readers(forum, ids)
    return [draft for draft in drafts if draft.recipient_id in readers]


def solution_accepted(post, actor_id: int | None) -> list[Draft]:
    if post.author_id == actor_id:
        return []
    return [
        Draft(
            post.author_id,
            SOLUTION,
            _("Your answer in “%(title)s” was marked as the solution")
            % {"title": post.topic.title},
            post.topic.url_for_post_number(post.number),
            f"solution:{post.pk}",
            actor_id,
        )
    ]


def post_moderated(post, action: str, actor_id: int | None) -> list[Draft]:
    messages = {
        "hidden": _("A moderator hid your post in “%(title)s”"),
        "restored": _("A moderator restored your post in “%(title)s”"),
        "approved": _("Your post in “%(title)s” was approved"),
        "rejected": _("Your post in “%(title)s” was not approved"),
    }
    if post.author_id == actor_id or action not in messages:
        return []
    return [
        Draft(
            post.author_id,
            MODERATION,
            messages[action] % {"title": post.topic.title},
            post.topic.url_for_post_number(post.number),
            f"moderation:{action}:{post.pk}:{post.edit_count}",
            actor_id,
        )
    ]


def post_liked(post, liker_id: int, count: int) -> Draft | None:
    """Likes are batched: one notification per post (its event key), its
    count and title kept current. None when there is nobody to tell."""
    if post.author_id == liker_id or not count:
        return None
    title = (
        ngettext(
            "%(count)s person liked your post in “%(title)s”",
            "%(count)s people liked your post in “%(title)s”",
            count,
        )
        if count > 1
        else _("Someone liked your post in “%(title)s”")
    ) % {"count": count, "title": post.topic.title}
    return Draft(
        post.author_id,
        LIKE,
        title,
        post.topic.url_for_post_number(post.number),
        f"like:{post.pk}",
        liker_id,
    )
