"""Notices becoming read: by the member (one, or all of them), or because
what they announce was read elsewhere (a private message read in its
conversation). Each update wakes the member's bells (NotificationQuerySet)."""

from collections.abc import Iterable

from django.utils import timezone

from .models import Notification


def mark_events_read(recipient_ids: Iterable[int], event_keys: Iterable[str]) -> int:
    """Mark read the unread notices of `event_keys` to `recipient_ids`; their
    bells are woken by the update itself."""
    recipient_ids, event_keys = set(recipient_ids), set(event_keys)
    if not recipient_ids or not event_keys:
        return 0
    return (
        Notification.objects.filter(
            recipient_id__in=recipient_ids, event_key__in=event_keys
        )
        .unread()
        .update(read_at=timezone.now())
    )


def mark_read(notification: Notification) -> bool:
    """Mark one notice read; False when it already was."""
    return bool(
        Notification.objects.filter(pk=notification.pk)
        .unread()
        .update(read_at=timezone.now())
    )


def mark_all_read(user) -> int:
    return Notification.objects.for_user(user).unread().update(read_at=timezone.now())


def unread_count(user) -> int:
    return Notification.objects.unread_count(user)
