"""The follow control as a personal part of a member's page
(core/member_pages.py): the levels of every control on the page, one query
per kind of thing followed."""

from django.contrib.contenttypes.models import ContentType

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
        levels = dict(
            Subscription.objects.filter(
                user=user,
                content_type=ContentType.objects.get_for_model(model),
                object_id__in=list(by_pk),
            ).values_list("object_id", "level")
        )
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
