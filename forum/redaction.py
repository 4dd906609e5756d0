"""Redacting a revision of a post: its text goes, the fact of the edit stays.

Edit history is public, so text a member replaced (a phone number, a name,
a sentence they regret) would otherwise stay readable forever. The post's
author and the moderators may blank an old revision; who edited when stays
visible, and the redaction itself is logged in ModerationLog.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.roles import is_moderator

from .errors import NotAllowed
from .models import ModerationLog, PostRevision


def can_redact_post_history(user, post) -> bool:
    if not user.is_authenticated:
        return False
    return post.author_id == user.pk or is_moderator(user)


def can_redact(user, revision: PostRevision) -> bool:
    return can_redact_post_history(user, revision.post)


@transaction.atomic
def redact_revision(revision: PostRevision, user, reason: str = "") -> None:
    if not can_redact(user, revision):
        raise NotAllowed(
            _("Only the post's author and moderators can redact its history.")
        )
    updated = PostRevision.objects.filter(
        pk=revision.pk, redacted_at__isnull=True
    ).update(raw="", html="", redacted_at=timezone.now(), redacted_by=user)
    if not updated:
        return  # already redacted
    revision.refresh_from_db()
    post = revision.post
    ModerationLog.objects.create(
        moderator=user,
        action="redact_revision",
        topic_id=post.topic_id,
        post=post,
        member=post.author,
        reason=(reason or _("Version %(number)s") % {"number": revision.number})[:500],
    )
