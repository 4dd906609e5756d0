from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


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

    objects = SubscriptionQuerySet.as_manager()

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
