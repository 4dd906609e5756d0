"""The follow control as a personal part of a member's page
(core/member_pages.py): the levels of every control on the page, one query
per kind of thing followed."""

from core.member_pages import csrf_token, kept_part, register_filler

from .follow_control import render_control
from .followable import followable_kind
from .models import Subscription, WatchLevel


def follow_controls(request, args: list[str]) -> dict[str, str]:
    user = request.user
    wanted: dict[str, dict[int, str]] = {}
    for arg in args:
        name, _, pk = arg.rpartition("-")
        if followable_kind(name) is not None and pk.isdigit():
            wanted.setdefault(name, {})[int(pk)] = arg
    token = csrf_token(request)
    answers = {}
    for name, by_pk in wanted.items():
        model = followable_kind(name).model
        levels = Subscription.objects.levels(user, model, list(by_pk))
        for pk, arg in by_pk.items():
            level = levels.get(pk, WatchLevel.NORMAL)
            answers[arg] = kept_part(
                request,
                ("notifications.follow", name, pk, level, request.get_full_path()),
                lambda pk=pk, level=level, model=model: render_control(
                    request, model(pk=pk), level, token
                ),
            )
    return answers


def register() -> None:
    register_filler("notifications.follow", follow_controls)
