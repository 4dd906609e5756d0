"""Editorial events come from Wagtail's signals; forum events are raised by
forum.posting and forum.moderation directly."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, task_submitted

from . import events
from .delivery import close_sockets


@receiver(page_published)
def on_page_published(sender, instance, revision=None, **kwargs) -> None:
    # Arguments: instance, revision. Only the first publication is news.
    if (
        instance.last_published_at
        and instance.first_published_at
        and (
            abs(
                (
                    instance.last_published_at - instance.first_published_at
                ).total_seconds()
            )
            > 5
        )
    ):
        return
    from blog.models import BlogPostPage

    if isinstance(instance, BlogPostPage):
        events.news_published(instance.pk)
    elif (
        instance._meta.app_label == "toolkits"
        and instance._meta.model_name == "toolkitpage"
    ):
        events.page_published(instance.pk)


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
