"""Buttons a country's own people see on its page ("Edit this page", "Post
news"), each opening the Wagtail editor under that country.

The country page (this app) cannot know what higher apps let a country
publish, so they register an action in their `AppConfig.ready()`:

    register_country_action(CountryAction(key="post-news", label=_("Post news"),
        url=lambda page: reverse(...), allowed=lambda perms: ..., order=10))

`allowed(permissions)` gets Wagtail's page permission tester of the viewer on
the country page (`page.permissions_for_user(user)`), so what a button offers
is exactly what the editor behind it will let them do. Anonymous visitors get
no action without a query, and their (cached) page has none.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class CountryAction:
    key: str
    label: str
    url: Callable  # (country page) -> str
    allowed: Callable  # (PagePermissionTester) -> bool
    order: int = 50


_actions: dict[str, CountryAction] = {}


def register_country_action(action: CountryAction) -> None:
    _actions[action.key] = action


def country_actions_for(user, page) -> list[dict]:
    """The actions `user` may take on `page`, as {"label", "url"} in order."""
    # Every action opens the Wagtail admin: without access to it, no button.
    if not user.is_authenticated or not user.has_perm("wagtailadmin.access_admin"):
        return []
    permissions = page.permissions_for_user(user)
    return [
        {"key": action.key, "label": action.label, "url": action.url(page)}
        for action in sorted(_actions.values(), key=lambda a: a.order)
        if action.allowed(permissions)
    ]


register_country_action(
    CountryAction(
        key="edit",
        label=_("Edit this page"),
        url=lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
        allowed=lambda permissions: permissions.can_edit(),
        order=90,
    )
)
