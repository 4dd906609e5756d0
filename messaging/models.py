from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

MAX_MESSAGE_LENGTH = 2000


def message_event_key(message_id: int) -> str:
    """The notification event of a message (notifications.Notification)."""
    return f"message:{message_id}"


class MessageQuerySet(models.QuerySet):
    def involving(self, user):
        return self.filter(Q(sender=user) | Q(recipient=user))

    def between(self, user, other):
        return self.filter(
            Q(sender=user, recipient=other) | Q(sender=other, recipient=user)
        )

    def received_by(self, user):
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)

    def update(self, **kwargs):
        """Messages read, by whichever path, make their notices read too, so
        the bell's count drops with the conversation's."""
        if kwargs.get("read_at") is None:
            return super().update(**kwargs)
        newly_read = list(self.unread().values_list("pk", "recipient_id"))
        changed = super().update(**kwargs)
        if newly_read:
            from notifications.reading import mark_events_read

            mark_events_read(
                {recipient for _pk, recipient in newly_read},
                {message_event_key(pk) for pk, _recipient in newly_read},
            )
        return changed


class Message(models.Model):
    """A short private message between two members, so experts can be reached
    without publishing their addresses. Plain text, shown escaped."""

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="sent_messages",
        verbose_name=_("sender"),
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="received_messages",
        verbose_name=_("recipient"),
    )
    body = models.TextField(_("message"), max_length=MAX_MESSAGE_LENGTH)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)

    objects = MessageQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        verbose_name = _("private message")
        verbose_name_plural = _("private messages")
        indexes = [
            models.Index(fields=["recipient", "-id"]),
            models.Index(fields=["sender", "-id"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(sender=models.F("recipient")), name="message_not_to_self"
            )
        ]

    def __str__(self) -> str:
        return f"{self.sender} → {self.recipient}"


class Block(models.Model):
    """A member who blocked another receives no more messages from them."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="blocks",
        verbose_name=_("member who blocks"),
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("blocked member"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("block")
        verbose_name_plural = _("blocks")
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="one_block"),
            models.CheckConstraint(
                condition=~Q(blocker=models.F("blocked")), name="block_not_self"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.blocker} blocks {self.blocked}"
