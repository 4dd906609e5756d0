"""Tell the proposer of a toolkit how its review ended."""

from django.dispatch import receiver
from wagtail.signals import workflow_approved, workflow_rejected

from .proposals import tell_proposer


@receiver(workflow_approved)
def toolkit_approved(sender, instance, user=None, **kwargs) -> None:
    # Arguments: instance (the WorkflowState), user (who approved).
    tell_proposer(instance, approved=True)


@receiver(workflow_rejected)
def toolkit_rejected(sender, instance, user=None, **kwargs) -> None:
    # Arguments: instance (the WorkflowState), user (who asked for changes).
    tell_proposer(instance, approved=False)
