"""Roles in a national space: focal points and national editors.

Each CountryPage gets two Wagtail groups when it is created. Both may work in
the Wagtail admin on that country's subtree only; focal points also publish,
so a national editor's page waits for the focal point's approval.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .signals import focal_point_assigned

FOCAL_POINT_PERMISSIONS = ("add", "change", "publish", "lock", "unlock")
EDITOR_PERMISSIONS = ("add", "change", "lock")
# The forums' and toolkit proposals' moderators (community.roles); not
# Wagtail's editorial "Moderators" (toolkits.workflows.PAGE_MODERATORS_GROUP).
COMMUNITY_MODERATORS_GROUP = "Community moderators"


def _page_permissions(actions) -> list[Permission]:
    return list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore",
            codename__in=[f"{action}_page" for action in actions],
        )
    )


def _admin_access() -> Permission:
    return Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )


def _group(name: str, page: Page, actions: tuple[str, ...], admin: Permission) -> Group:
    """The group, with the admin's door and `actions` on `page`'s subtree: a
    few queries whatever the number of actions (the demo creates 392)."""
    group, _created = Group.objects.get_or_create(name=name)
    group.permissions.add(admin)
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page=page, permission=permission)
            for permission in _page_permissions(actions)
        ],
        ignore_conflicts=True,  # found again: the unique constraint keeps one
    )
    return group


@transaction.atomic
def create_country_groups(country) -> None:
    """Create (or find again) the country's two groups and link them to it."""
    iso = country.iso_code.upper()
    # Group names are data shared by every language, not interface text.
    admin = _admin_access()
    focal = _group(f"{iso} focal points", country, FOCAL_POINT_PERMISSIONS, admin)
    editors = _group(f"{iso} national editors", country, EDITOR_PERMISSIONS, admin)
    type(country).objects.filter(pk=country.pk).update(
        focal_point_group=focal, editor_group=editors
    )
    country.focal_point_group = focal
    country.editor_group = editors
    create_country_workflow(country, focal)


def create_country_workflow(country, focal_points: Group) -> Workflow:
    """Pages submitted in the country wait for one of its focal points."""
    iso = country.iso_code.upper()
    task, created = GroupApprovalTask.objects.get_or_create(
        name=f"{iso} focal point approval"
    )
    if created:
        task.groups.set([focal_points])
    workflow, _created = Workflow.objects.get_or_create(name=f"{iso} publishing")
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    WorkflowPage.objects.update_or_create(page=country, defaults={"workflow": workflow})
    return workflow


def assign_focal_point(user, country) -> None:
    """Make `user` a national focal point of `country` (and a member of it);
    apps above hear of it (focal points watch their country unless they chose
    otherwise)."""
    user.groups.add(country.focal_point_group)
    focal_point_assigned.send(sender=type(country), user=user, country=country)
    if user.country_id is None:
        user.country = country
        user.save(update_fields=["country"])


def assign_national_editor(user, country) -> None:
    user.groups.add(country.editor_group)
    if user.country_id is None:
        user.country = country
        user.save(update_fields=["country"])


def is_focal_point(user, country) -> bool:
    return (
        user.is_authenticated
        and country.focal_point_group_id is not None
        and user.groups.filter(pk=country.focal_point_group_id).exists()
    )


def community_moderators_group() -> Group:
    """Community moderators: forums and toolkit proposals; they use the admin's
    review screens, so the group may open the admin."""
    group, created = Group.objects.get_or_create(name=COMMUNITY_MODERATORS_GROUP)
    if created:
        group.permissions.add(_admin_access())
    return group


def make_moderator(user) -> None:
    user.groups.add(community_moderators_group())


def can_manage_country(user, country) -> bool:
    """Focal points of the country and the Secretariat see its back-office facts."""
    return user.is_authenticated and (
        user.is_superuser or is_focal_point(user, country)
    )
