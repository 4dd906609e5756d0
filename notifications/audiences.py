"""Who hears about what. Each resolver returns the notifications an event
creates, one per recipient at most, never for the actor, never for someone who
cannot see the item."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.translation import gettext as _

from translations.names import place_name

from .models import Kind, Subscription, WatchLevel
from .naming import member_label


@dataclass
class Draft:
    recipient_id: int
    kind: str
    title: str
    url: str
    event_key: str
    actor_id: int | None = None


def subscribers(objects, level: str = WatchLevel.WATCHING) -> set[int]:
    """Ids of members following any of `objects` at `level`."""
    pairs = [(ContentType.objects.get_for_model(obj), obj.pk) for obj in objects if obj]
    if not pairs:
        return set()
    from django.db.models import Q

    query = Q()
    for content_type, pk in pairs:
        query |= Q(content_type=content_type, object_id=pk)
    return set(
        Subscription.objects.filter(query, level=level).values_list(
            "user_id", flat=True
        )
    )


def muted(objects) -> set[int]:
    return subscribers(objects, WatchLevel.MUTED)


def in_their_languages(
    user_ids: Iterable[int], make_title: Callable[[], str]
) -> dict[int, str]:
    """Each recipient's title, written in their preferred language: the title
    is stored and mailed as it is, so it must not be in the language of
    whoever happened to trigger the event. One rendering per language."""
    user_ids = list(user_ids)
    languages = dict(
        get_user_model()
        .objects.filter(pk__in=user_ids)
        .values_list("pk", "preferred_language")
    )
    titles: dict[str, str] = {}
    result = {}
    for user_id in user_ids:
        language = languages.get(user_id) or settings.LANGUAGE_CODE
        if language not in titles:
            with translation.override(language):
                titles[language] = str(make_title())
        result[user_id] = titles[language]
    return result


def active(user_ids) -> set[int]:
    return set(
        get_user_model()
        .objects.filter(pk__in=user_ids, is_active=True)
        .values_list("pk", flat=True)
    )


def forum_readers(forum, user_ids: set[int]) -> set[int]:
    """Of `user_ids`, those who may read `forum`."""
    from community.models import CountryPage
    from forum.models import Forum
    from forum.roles import MODERATORS_GROUP

    if forum.visibility == Forum.Visibility.PUBLIC or forum.visibility == (
        Forum.Visibility.MEMBERS
    ):
        return user_ids
    focal = set(
        CountryPage.objects.filter(focal_point_group__user__in=user_ids).values_list(
            "focal_point_group__user", flat=True
        )
    )
    User = get_user_model()
    moderators = set(
        User.objects.filter(pk__in=user_ids)
        .filter(is_superuser=True)
        .values_list("pk", flat=True)
    ) | set(
        User.objects.filter(pk__in=user_ids, groups__name=MODERATORS_GROUP).values_list(
            "pk", flat=True
        )
    )
    return user_ids & (focal | moderators)


def news_published(post) -> list[Draft]:
    tags = list(post.tags.all())
    watchers = subscribers([post.country, post.region, *tags, post.owner])
    watchers -= muted([post.country, post.region])
    authors = {link.author_id for link in post.post_authors.all()} | {post.owner_id}
    recipients = active(watchers - authors)
    titles = in_their_languages(
        recipients,
        lambda: (
            _("News from %(place)s: %(title)s")
            % {"place": place_name(post.country), "title": post.title}
        ),
    )
    return [
        Draft(
            user_id,
            Kind.NEWS,
            titles[user_id],
            post.url,
            f"news:{post.pk}",
            post.owner_id,
        )
        for user_id in recipients
    ]


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
            Kind.TOPIC,
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
                Kind.QUOTE,
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
            Kind.REPLY,
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
            Kind.MENTION,
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
            Kind.SOLUTION,
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
            Kind.MODERATION,
            messages[action] % {"title": post.topic.title},
            post.topic.url_for_post_number(post.number),
            f"moderation:{action}:{post.pk}:{post.edit_count}",
            actor_id,
        )
    ]


def page_published(page) -> list[Draft]:
    """Toolkits (and other pages) published: watchers of the parent page and tags."""
    tags = list(page.tags.all()) if hasattr(page, "tags") else []
    parent = page.get_parent().specific
    watchers = subscribers([parent, *tags]) - muted([parent]) - {page.owner_id}
    return [
        Draft(
            user_id,
            Kind.TOOLKIT,
            _("New in %(library)s: %(title)s")
            % {"library": parent.title, "title": page.title},
            page.url,
            f"page:{page.pk}",
            page.owner_id,
        )
        for user_id in active(watchers)
    ]


def approval_requested(task_state) -> list[Draft]:
    task = task_state.task.specific
    groups = getattr(task, "groups", None)
    if groups is None:
        return []
    submitter = task_state.workflow_state.requested_by_id
    reviewers = set(
        get_user_model()
        .objects.filter(groups__in=groups.all(), is_active=True)
        .values_list("pk", flat=True)
    ) - {submitter}
    page = task_state.workflow_state.content_object
    return [
        Draft(
            user_id,
            Kind.APPROVAL,
            _("“%(title)s” is waiting for your approval") % {"title": str(page)},
            f"/admin/pages/{page.pk}/edit/",
            f"approval:{task_state.pk}",
            submitter,
        )
        for user_id in reviewers
    ]
