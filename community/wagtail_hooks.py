"""Admin hooks for the national spaces (community/national_spaces.py)."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks


@hooks.register("before_move_page")
def only_who_may_move_the_page(request, page, destination):
    """Wagtail's move confirmation (/admin/pages/<id>/move/<dest>/confirm/)
    checks permissions only when the move is posted; the confirmation itself
    would show any page to anyone with admin access. Answer it, like the
    destination chooser before it, only to those who may move the page."""
    if not page.permissions_for_user(request.user).can_move():
        raise PermissionDenied
