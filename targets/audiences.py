"""Who hears about national targets: the followers of the global targets a
published national target is mapped to (never its author, never of a draft)."""

from django.utils.translation import gettext as _

from notifications.audiences import Draft, active, in_their_languages, subscribers
from translations.names import place_name

from .events import TARGET_NEW, TARGET_STATUS
from .models import TargetStatus


def _followers(target) -> set[int]:
    return subscribers(list(target.global_targets.all()))


def target_published(target) -> list[Draft]:
    if not target.is_published:
        return []
    recipients = active(_followers(target)) - {target.created_by_id}
    titles = in_their_languages(
        recipients,
        lambda: (
            _("New national target of %(country)s: %(title)s")
            % {"country": place_name(target.country), "title": target.title}
        ),
    )
    return [
        Draft(
            user_id,
            TARGET_NEW,
            titles[user_id],
            target.get_absolute_url(),
            f"target-new:{target.pk}",
            target.created_by_id,
        )
        for user_id in sorted(recipients)
    ]


def status_changed(update) -> list[Draft]:
    target = update.national_target
    if not target.is_published:
        return []
    recipients = active(_followers(target)) - {update.author_id}
    titles = in_their_languages(
        recipients,
        lambda: (
            _("%(country)s, “%(title)s”: %(status)s")
            % {
                "country": place_name(target.country),
                "title": target.title,
                "status": TargetStatus(update.status).label,
            }
        ),
    )
    return [
        Draft(
            user_id,
            TARGET_STATUS,
            titles[user_id],
            update.get_absolute_url(),
            f"target-status:{update.pk}",
            update.author_id,
        )
        for user_id in sorted(recipients)
    ]
