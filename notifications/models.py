from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

from core.statements import Statement

from .kinds import kind_choices


class WatchLevel(models.TextChoices):
    WATCHING = "watching", _("Watching: every new item")
    TRACKING = "tracking", _("Tracking: counts and mentions")
    NORMAL = "normal", _("Normal")
    MUTED = "muted", _("Muted")


class SubscriptionQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        )

    def watching(self):
        return self.filter(level=WatchLevel.WATCHING)


class SubscriptionManager(models.Manager.from_queryset(SubscriptionQuerySet)):
    def levels(self, user, model, object_ids: list[int]) -> dict[int, str]:
        """The member's watch level of each of these objects they follow (the
        follow controls on a page), as one plain statement
        (core/statements.py): every signed-in page with a control asks."""
        if not object_ids or not user.is_authenticated:
            return {}
        content_type = ContentType.objects.get_for_model(model)
        return dict(_levels.rows([user.pk, content_type.pk], object_ids))


class Subscription(models.Model):
    """How closely a member follows something: a country, region, forum, topic,
    tag or member. The notification fan-out reads these."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("member"),
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    level = models.CharField(
        _("watch level"),
        max_length=10,
        choices=WatchLevel.choices,
        default=WatchLevel.WATCHING,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SubscriptionManager()

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"],
                name="one_subscription_per_object",
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id", "level"])]

    def __str__(self) -> str:
        return f"{self.user} {self.level} {self.content_type.model} {self.object_id}"


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)

    def update(self, **kwargs):
        """Whatever writes `read_at` (a view, the websocket, another app's bulk
        update), the recipients' open bells learn of it: the unread count
        follows the rows, not the code path that changed them."""
        if "read_at" not in kwargs:
            return super().update(**kwargs)
        recipients = set(
            self.order_by().values_list("recipient_id", flat=True).distinct()
        )
        changed = super().update(**kwargs)
        if changed and recipients:
            from .delivery import wake

            transaction.on_commit(lambda: wake(recipients))
        return changed


class NotificationManager(models.Manager.from_queryset(NotificationQuerySet)):
    def unread_count(self, user) -> int:
        """The bell's count, `for_user(user).unread().count()`, as one plain
        statement (core/statements.py): every signed-in page shows it."""
        if not user.is_authenticated:
            return 0
        return _unread_count.value([user.pk])


class Notification(models.Model):
    """The durable record of something a member should hear about. The channel
    layer only wakes clients up; this row is the truth they resync from."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    # The kinds are registered by the apps that raise them (see kinds.py).
    kind = models.CharField(_("kind"), max_length=20, choices=kind_choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=300)
    url = models.CharField(_("link"), max_length=500)
    # Identifies the event for this recipient: the same event never notifies
    # twice; batched events (likes) update their one row.
    event_key = models.CharField(max_length=120)
    count = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationManager()

    class Meta:
        ordering = ["-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "event_key"], name="one_notification_per_event"
            )
        ]
        indexes = [models.Index(fields=["recipient", "read_at", "-id"])]

    def __str__(self) -> str:
        return f"{self.recipient}: {self.title}"

    def as_message(self) -> dict:
        return {
            "id": self.pk,
            "kind": self.kind,
            "title": self.title,
            "url": self.url,
            "count": self.count,
            "read": self.read_at is not None,
            "created_at": self.created_at.isoformat(),
        }


_levels = Statement(
    Subscription,
    "SELECT {object_id}, {level} FROM {table} WHERE {user} = %s "
    "AND {content_type} = %s AND {object_id} IN ({many})",
)
_unread_count = Statement(
    Notification,
    "SELECT COUNT(*) FROM {table} WHERE {recipient} = %s AND {read_at} IS NULL",
)


class EmailFrequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Immediately")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    NONE = "none", _("Never")


def default_channels() -> dict:
    return {}


class NotificationSettings(models.Model):
    """A member's choices: how often email comes, and which kinds go where."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_settings",
    )
    email_frequency = models.CharField(
        _("email"),
        max_length=10,
        choices=EmailFrequency.choices,
        default=EmailFrequency.DAILY,
    )
    # {kind: {"app": bool, "email": bool, "push": bool}}; a missing entry
    # means on (push: as "app").
    channels = models.JSONField(default=default_channels, blank=True)
    last_digest_at = models.DateTimeField(null=True, blank=True)
    # Web Push batching (push.py): when the member's devices were last pushed
    # to, and the newest notification that push covered.
    last_push_at = models.DateTimeField(null=True, blank=True)
    pushed_through_id = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self) -> str:
        return f"{self.user} ({self.email_frequency})"

    def wants(self, kind: str, channel: str) -> bool:
        choices = self.channels.get(kind, {})
        if channel == "push" and "push" not in choices:
            # Until the member chooses, a device hears what the bell hears.
            return self.wants(kind, "app")
        return bool(choices.get(channel, True))


class PushSubscriptionQuerySet(models.QuerySet):
    def for_user(self, user):
        return self.filter(user=user)


class PushSubscription(models.Model):
    """One device (a browser's push subscription) a member asked to be
    notified on. The endpoint and keys come from the browser's PushManager;
    the push service answering 404 or 410 removes the row."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="push_subscriptions",
        verbose_name=_("member"),
    )
    endpoint = models.URLField(_("endpoint"), max_length=1000, unique=True)
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    # What the member sees in their list of devices ("Firefox on Android").
    label = models.CharField(_("device"), max_length=100, blank=True)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    objects = PushSubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("push subscription")
        verbose_name_plural = _("push subscriptions")

    def __str__(self) -> str:
        return f"{self.user}: {self.label or self.endpoint[:40]}"

    def as_subscription_info(self) -> dict:
        """The shape pywebpush takes (the browser's PushSubscription JSON)."""
        return {
            "endpoint": self.endpoint,
            "keys": {"p256dh": self.p256dh, "auth": self.auth},
        }


# Email in keeps its records beside its code; they belong to this app.
from .inbound.models import InboundMessage, ReplyTokenRevocation  # noqa: E402, F401
