"""Which pages the admin's page chooser and explorer lists show a member.

Wagtail lets any admin user browse and search the page chooser over the whole
tree, titled by each page's draft title. Focal points of 196 countries share
the admin, so a country's drafts would be readable by all the others.
"""

from django.db.models import F, Q
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

# Page permissions that make a subtree a member's own to work on.
PAGE_WORK_ACTIONS = {"add", "change", "publish", "lock", "unlock"}


def pages_listed_for(pages, user):
    """What page choosers and explorer listings may show a member: pages of
    the subtrees they hold permissions on (their own countries), and
    published pages whose title is public anyway. A draft elsewhere, or a
    live page whose pending draft renames it (the chooser shows draft
    titles), stays out of sight: Kenya's focal point sees no Benin draft."""
    if not user.is_authenticated:
        return pages.none()
    if user.is_superuser:
        return pages
    own = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, PAGE_WORK_ACTIONS
    )
    published = Q(live=True) & (
        Q(has_unpublished_changes=False) | Q(draft_title=F("title"))
    )
    listed = Page.objects.filter(published | Q(pk__in=own.values("pk")))
    return pages.filter(pk__in=listed.values("pk"))


class ScopedChosenMultipleView(ChosenMultipleView):
    """Wagtail's answer to "these pages were chosen" (title, address) for
    any page id, with no hook: only for pages the member may list."""

    def get(self, request):
        allowed = pages_listed_for(
            Page.objects.filter(pk__in=request.GET.getlist("id")), request.user
        )
        request.GET = request.GET.copy()
        request.GET.setlist(
            "id", [str(pk) for pk in allowed.values_list("pk", flat=True)]
        )
        return super().get(request)
