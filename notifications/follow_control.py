"""The one follow control, for everything a member can follow.

A toggle ("Follow" / "Following") follows at the default level in one click;
a disclosure beside it chooses the level, with the same words and the same
one-line explanation on every page. Both are plain forms posting to
`notifications:follow`, which redirects back to a safe `next`; htmx swaps the
control in place instead, and keeps focus on it (the new control carries the
same element ids, which htmx refocuses after a swap).
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_htmx.http import HttpResponseClientRedirect

from .followable import followable_name
from .models import WatchLevel
from .subscriptions import set_watch_level, watch_level

TEMPLATE = "includes/follow_button.html"
# What the toggle sets, and what it shows as followed.
DEFAULT_LEVEL = WatchLevel.WATCHING
FOLLOWING_LEVELS = {WatchLevel.WATCHING, WatchLevel.TRACKING}


@dataclass(frozen=True)
class LevelChoice:
    value: str
    name: str
    explanation: str


# The same words wherever something can be followed. Tracking is offered only
# to whoever already has it (it notifies like Normal today).
LEVEL_CHOICES = (
    LevelChoice(
        WatchLevel.WATCHING,
        gettext_lazy("Watching"),
        gettext_lazy("Notify me of everything new here."),
    ),
    LevelChoice(
        WatchLevel.TRACKING,
        gettext_lazy("Tracking"),
        gettext_lazy("Notifies like Normal: only mentions and replies to me."),
    ),
    LevelChoice(
        WatchLevel.NORMAL,
        gettext_lazy("Normal"),
        gettext_lazy("Notify me only when someone mentions me or replies to me."),
    ),
    LevelChoice(
        WatchLevel.MUTED,
        gettext_lazy("Muted"),
        gettext_lazy("Never notify me from here, not even for mentions."),
    ),
)


def level_choices(current: str) -> list[LevelChoice]:
    return [
        choice
        for choice in LEVEL_CHOICES
        if choice.value != WatchLevel.TRACKING or current == WatchLevel.TRACKING
    ]


def safe_next(request, fallback: str) -> str:
    """The `next` the form sent if it stays on this site, else `fallback`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, {request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def control_context(
    request, obj, level: str | None = None, next_url: str | None = None
) -> dict:
    """What the control's template needs for `obj`; `level` when the caller
    already knows it (saves a query per row on the list of what I follow)."""
    kind = followable_name(obj)
    user = request.user
    if level is None:
        level = watch_level(user, obj)
    context = {
        "request": request,
        "user": user,
        "follow_kind": kind,
        "follow_obj": obj,
        "follow_level": level,
        "follow_level_name": next(
            (c.name for c in LEVEL_CHOICES if c.value == level), ""
        ),
        "following": level in FOLLOWING_LEVELS,
        "follow_levels": level_choices(level),
        "follow_next": next_url or request.get_full_path(),
        "follow_id": f"follow-{kind}-{obj.pk}",
    }
    if kind:
        context["follow_url"] = reverse("notifications:follow", args=[kind, obj.pk])
    return context


def render_control(request, obj, level: str | None = None, csrf_token=None) -> str:
    """The control for `obj` as HTML (the `follow_button` tag's, and the
    personal part's: notifications/personal.py)."""
    return get_template(TEMPLATE).render(
        {**control_context(request, obj, level=level), "csrf_token": csrf_token}
    )


def _saved_message(level: str) -> str:
    if level == WatchLevel.WATCHING:
        return _("You are following this now.")
    if level == WatchLevel.MUTED:
        return _("Muted: you will get no notifications from here.")
    if level == WatchLevel.NORMAL:
        return _("You no longer follow this.")
    return _("Your notification level was saved.")


def follow_response(request, obj, fallback: str) -> HttpResponse:
    """Answer a POST to the control for `obj` (already checked readable):
    with htmx the control itself, otherwise a redirect to a safe `next`."""
    back = safe_next(request, fallback)
    if not request.user.is_authenticated:
        login = redirect_to_login(back)
        if request.htmx:
            return HttpResponseClientRedirect(login["Location"])
        return login
    level = request.POST.get("level", "")
    valid = level in WatchLevel.values
    if valid:
        set_watch_level(request.user, obj, level)
    if request.htmx:
        context = control_context(request, obj, next_url=back)
        # A level chosen in the menu keeps the menu open (focus stays on
        # the radio button or Save); the toggle closes it.
        menu = bool(request.POST.get("menu"))
        context["follow_menu_open"] = menu
        context["follow_saved"] = valid and menu
        html = render_to_string(TEMPLATE, context, request=request)
        return HttpResponse(html, status=200 if valid else 400)
    if valid:
        messages.success(request, _saved_message(level))
    else:
        messages.error(request, _("Unknown watch level."))
    return redirect(back)
