"""Admin hooks for the national spaces (community/national_spaces.py)."""

from django.core.exceptions import PermissionDenied
from wagtail import hooks

from .page_chooser import pages_listed_for


@hooks.register("before_move_page")
def only_who_may_move_the_page(request, page, destination):
    """Wagtail's move confirmation (/admin/pages/<id>/move/<dest>/confirm/)
    checks permissions only when the move is posted; the confirmation itself
    would show any page to anyone with admin access. Answer it, like the
    destination chooser before it, only to those who may move the page."""
    if not page.permissions_for_user(request.user).can_move():
        raise PermissionDenied


@hooks.register("construct_page_chooser_queryset")
def page_chooser_shows_own_and_published_pages(pages, request):
    return pages_listed_for(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def explorer_shows_own_and_published_pages(parent_page, pages, request):
    return pages_listed_for(pages, request.user)
