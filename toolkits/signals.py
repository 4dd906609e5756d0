"""Tell the proposer of a toolkit how its review ended, and the followers of
its library and tags of its first publication."""

from django.dispatch import receiver
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from notifications.events import is_first_publication

from . import events
from .models import ToolkitPage
from .proposals import adopt_proposed_tags, tell_proposer


@receiver(page_published, sender=ToolkitPage)
def toolkit_published(sender, instance, revision=None, **kwargs) -> None:
    # Arguments: instance (the page), revision (the one published).
    adopt_proposed_tags(instance, revision)
    if is_first_publication(instance):
        events.page_published(instance.pk)


@receiver(workflow_approved)
def toolkit_approved(sender, instance, user=None, **kwargs) -> None:
    # Arguments: instance (the WorkflowState), user (who approved).
    tell_proposer(instance, approved=True)


@receiver(workflow_rejected)
def toolkit_rejected(sender, instance, user=None, **kwargs) -> None:
    # Arguments: instance (the WorkflowState), user (who asked for changes).
    tell_proposer(instance, approved=False)
