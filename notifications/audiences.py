"""Who hears about what. Each resolver returns the notifications an event
creates, one per recipient at most, never for the actor, never for someone who
cannot see the item.

Here are the parts every app's resolvers share (the draft, the followers of
objects, titles in each recipient's language) and the resolver of Wagtail's
review workflow; the apps that raise events keep theirs in their own
audiences.py (forum, blog, toolkits, cooperation)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.translation import gettext as _

from .kinds import APPROVAL
from .models import Subscription, WatchLevel


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
            APPROVAL,
            _("“%(title)s” is waiting for your approval") % {"title": str(page)},
            f"/admin/pages/{page.pk}/edit/",
            f"approval:{task_state.pk}",
            submitter,
        )
        for user_id in reviewers
    ]
