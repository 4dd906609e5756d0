"""Notifications of a member, stored as delivery would store them."""

from notifications.models import Notification


def make_notifications(user, n: int = 1, **fields) -> list[Notification]:
    """`n` unread reply notices for `user`: "Reply 0", "Reply 1"..."""
    return [
        Notification.objects.create(
            recipient=user,
            kind="reply",
            title=f"Reply {i}",
            url="/forums/",
            event_key=f"k{i}",
            **fields,
        )
        for i in range(n)
    ]
