"""Wagtail's review workflow raises its notifications here, and accounts that
close lose their open sockets. The content apps connect their own signals
(a first publication of a news post or toolkit: blog.signals, toolkits.signals)
or raise their events directly (forum.posting, forum.moderation)."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import task_submitted

from . import events
from .delivery import close_sockets


@receiver(task_submitted)
def on_task_submitted(sender, instance, user=None, **kwargs) -> None:
    # Arguments: instance (the TaskState), user.
    events.approval_requested(instance.pk)


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def on_member_saved(sender, instance, **kwargs) -> None:
    # Arguments: instance. Whoever deactivates an account (a moderator's
    # suspension, the admin), its open websockets end once that is committed.
    if not instance.is_active:
        pk = instance.pk
        transaction.on_commit(lambda: close_sockets(pk))


@receiver(post_delete, sender=settings.AUTH_USER_MODEL)
def on_member_deleted(sender, instance, **kwargs) -> None:
    pk = instance.pk
    transaction.on_commit(lambda: close_sockets(pk))
