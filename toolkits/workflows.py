"""The moderation workflow every toolkit library uses.

Toolkits proposed by members (and pages submitted by editors) wait in the
"Toolkit review" workflow until a community moderator, a member of Wagtail's
editorial "Moderators" group, or a superuser (the Secretariat) approves them.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from community.national_spaces import community_moderators_group

# Wagtail's editorial moderators, created by Wagtail's own migrations; not
# the community moderators (community.national_spaces.COMMUNITY_MODERATORS_GROUP).
PAGE_MODERATORS_GROUP = "Moderators"
REVIEW_NAME = "Toolkit review"


def page_moderators_group() -> Group:
    """Wagtail's editorial moderators (found again after a flushed database)."""
    group, created = Group.objects.get_or_create(name=PAGE_MODERATORS_GROUP)
    if created:
        group.permissions.add(
            Permission.objects.get(
                content_type__app_label="wagtailadmin", codename="access_admin"
            )
        )
    return group


@transaction.atomic
def toolkit_review_workflow() -> Workflow:
    task, created = GroupApprovalTask.objects.get_or_create(name=REVIEW_NAME)
    if created or not task.groups.exists():
        task.groups.set([page_moderators_group(), community_moderators_group()])
    workflow, _created = Workflow.objects.get_or_create(name=REVIEW_NAME)
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    return workflow


def assign_toolkit_review(library) -> Workflow:
    """Make the library's toolkits wait for the toolkit review (idempotent).
    Approving publishes, so community moderators may edit and publish there."""
    community = community_moderators_group()
    for action in ("change", "publish"):
        GroupPagePermission.objects.get_or_create(
            group=community,
            page=library,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=f"{action}_page"
            ),
        )
    existing = WorkflowPage.objects.filter(page=library).select_related("workflow")
    if existing:
        return existing[0].workflow
    workflow = toolkit_review_workflow()
    WorkflowPage.objects.create(page=library, workflow=workflow)
    return workflow
