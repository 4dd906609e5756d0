"""Following things: the write side of subscriptions."""

from django.contrib.contenttypes.models import ContentType

from .models import Subscription, WatchLevel


def set_watch_level(user, obj, level: str) -> Subscription | None:
    """Set how `user` follows `obj`; NORMAL removes the subscription."""
    content_type = ContentType.objects.get_for_model(obj)
    if level == WatchLevel.NORMAL:
        Subscription.objects.filter(
            user=user, content_type=content_type, object_id=obj.pk
        ).delete()
        return None
    subscription, _created = Subscription.objects.update_or_create(
        user=user,
        content_type=content_type,
        object_id=obj.pk,
        defaults={"level": level},
    )
    return subscription


def watch_level(user, obj) -> str:
    if not user.is_authenticated:
        return WatchLevel.NORMAL
    level = (
        Subscription.objects.for_object(obj)
        .filter(user=user)
        .values_list("level", flat=True)
        .first()
    )
    return level or WatchLevel.NORMAL


def watch_if_not_following(user, obj) -> None:
    """The default when you start or reply to a topic: watch it, unless you set
    another level before (muting included)."""
    Subscription.objects.get_or_create(
        user=user,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        defaults={"level": WatchLevel.WATCHING},
    )
