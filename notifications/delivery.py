"""Store notifications, then wake their recipients up over the channel layer.

The rows are written first (the durable record); the push is a best-effort
wake-up: when it is lost, the client resyncs from the rows when it reconnects.
"""

import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction
from django.utils import timezone

from .audiences import Draft
from .blocking import blockers_of, without_blocked
from .kinds import is_unblockable, require_kind
from .models import Notification, NotificationSettings

logger = logging.getLogger(__name__)


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def deliver(drafts: list[Draft]) -> list[Notification]:
    """Create one row per draft (an event already delivered is skipped) and
    wake the recipients that want in-app notices. Nobody hears of a member
    they block, whichever app raised the event. A draft of a kind no app
    registered is refused (`kinds.UnknownKind`) before anything is stored."""
    for kind in {draft.kind for draft in drafts}:
        require_kind(kind)
    drafts = without_blocked(drafts)
    if not drafts:
        return []
    prefs = settings_for({draft.recipient_id for draft in drafts})
    wanted = [
        draft
        for draft in drafts
        if any(
            prefs[draft.recipient_id].wants(draft.kind, channel)
            for channel in ("app", "email", "push")
        )
    ]
    Notification.objects.bulk_create(
        [
            Notification(
                recipient_id=draft.recipient_id,
                kind=draft.kind,
                title=draft.title[:300],
                url=draft.url[:500],
                event_key=draft.event_key,
                actor_id=draft.actor_id,
            )
            for draft in wanted
        ],
        ignore_conflicts=True,
        batch_size=1000,
    )
    rows = list(
        Notification.objects.filter(
            event_key__in={draft.event_key for draft in wanted},
            recipient_id__in={draft.recipient_id for draft in wanted},
            emailed_at__isnull=True,
        )
    )
    send_immediate_emails(rows, prefs)
    push_later(
        {
            row.recipient_id
            for row in rows
            if prefs[row.recipient_id].wants(row.kind, "push")
        }
    )
    wake(
        [
            row.recipient_id
            for row in rows
            if prefs[row.recipient_id].wants(row.kind, "app")
        ]
    )
    return rows


def store_in_app(draft: Draft) -> None:
    """An in-app notice for an event whose email another app already sends."""
    require_kind(draft.kind)
    Notification.objects.bulk_create(
        [
            Notification(
                recipient_id=draft.recipient_id,
                kind=draft.kind,
                title=draft.title[:300],
                url=draft.url[:500],
                event_key=draft.event_key,
                actor_id=draft.actor_id,
                emailed_at=timezone.now(),
            )
        ],
        ignore_conflicts=True,
    )
    prefs = settings_for({draft.recipient_id})[draft.recipient_id]
    if prefs.wants(draft.kind, "push"):
        push_later({draft.recipient_id})
    wake([draft.recipient_id])


def settings_for(user_ids: set[int]) -> dict[int, NotificationSettings]:
    existing = {
        s.user_id: s for s in NotificationSettings.objects.filter(user_id__in=user_ids)
    }
    return {
        uid: existing.get(uid) or NotificationSettings(user_id=uid) for uid in user_ids
    }


def deliver_counted(draft: Draft, count: int) -> None:
    """A batched event (the likes of a post): one row per recipient and event
    key, its count, title and latest actor kept current and marked unread
    again; the first is delivered like any other notification."""
    require_kind(draft.kind)
    if not is_unblockable(draft.kind) and blockers_of(
        draft.actor_id, [draft.recipient_id]
    ):
        return
    updated = Notification.objects.filter(
        recipient_id=draft.recipient_id, event_key=draft.event_key
    ).update(
        count=count,
        title=draft.title[:300],
        actor_id=draft.actor_id,
        read_at=None,
        updated_at=timezone.now(),
    )
    # Setting read_at wakes the recipient's bell (NotificationQuerySet.update).
    if not updated:
        deliver([draft])


def push_later(user_ids: set[int]) -> None:
    """Queue a push to the devices of those with any (push.py), after commit:
    off the request path, and never for a row that was rolled back."""
    from .push import is_configured

    if not user_ids or not is_configured():
        return
    from .models import PushSubscription
    from .tasks import push_notifications

    with_devices = set(
        PushSubscription.objects.filter(user_id__in=user_ids)
        .values_list("user_id", flat=True)
        .distinct()
    )
    for user_id in sorted(with_devices):
        transaction.on_commit(
            lambda user_id=user_id: push_notifications.enqueue(user_id)
        )


def wake(user_ids) -> None:
    layer = get_channel_layer()
    if layer is None:
        return
    for user_id in set(user_ids):
        try:
            async_to_sync(layer.group_send)(
                user_group(user_id), {"type": "notifications.changed"}
            )
        except Exception:  # the layer is down: clients resync when they reconnect
            logger.warning(
                "Could not wake user %s; they will resync", user_id, exc_info=True
            )


def close_sockets(user_id: int) -> None:
    """End every open websocket of a member (suspended, account closed).
    Best effort like `wake`: each socket also re-checks the account on every
    frame it receives, so a lost message leaves nothing readable."""
    layer = get_channel_layer()
    if layer is None:
        return
    try:
        async_to_sync(layer.group_send)(user_group(user_id), {"type": "account.closed"})
    except Exception:
        logger.warning("Could not close the sockets of user %s", user_id, exc_info=True)


def send_immediate_emails(rows, prefs) -> None:
    from .emails import send_notification_email

    now = timezone.now()
    sent = []
    for row in rows:
        setting = prefs[row.recipient_id]
        if setting.email_frequency == "immediate" and setting.wants(row.kind, "email"):
            if send_notification_email(row):
                sent.append(row.pk)
    if sent:
        Notification.objects.filter(pk__in=sent).update(emailed_at=now)
