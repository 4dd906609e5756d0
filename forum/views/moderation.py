"""The moderators' review queue: open flags and held posts."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect

from core.refusals import Refusal

from .. import moderation
from ..access import can_moderate
from ..models import Flag, Post
from .common import render


def moderators_only(method: str | None = None):
    """Visitors sign in, members get 403; `method` restricts the HTTP method."""

    def decorate(view):
        def wrapped(request, index, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not can_moderate(request.user):
                return render(request, index, "403.html", {}, 403)
            if method and request.method != method:
                return HttpResponseNotAllowed([method])
            return view(request, index, *args, **kwargs)

        return wrapped

    return decorate


@moderators_only()
def moderation_queue(request, index):
    flags = (
        Flag.objects.open()
        .select_related("post__topic__forum", "post__author", "reporter")
        .order_by("created_at")[:100]
    )
    held = (
        Post.objects.filter(is_held=True, is_deleted=False)
        .select_related("topic__forum", "author")
        .order_by("created_at")[:100]
    )
    return render(
        request,
        index,
        "forum/moderation_queue.html",
        {"flags": flags, "held": held},
    )


@moderators_only("POST")
def resolve_flag(request, index, flag_id: int):
    flag = get_object_or_404(
        Flag.objects.open().select_related("post__topic"), pk=flag_id
    )
    try:
        moderation.resolve_flag(flag, request.user, request.POST.get("outcome", ""))
    except Refusal as error:
        messages.error(request, error.message)
    return redirect(f"{index.url}moderation/")


@moderators_only("POST")
def review_held_post(request, index, post_id: int):
    post = get_object_or_404(
        Post.objects.select_related("topic", "author"), pk=post_id, is_held=True
    )
    if request.POST.get("decision") == "approve":
        moderation.approve_held_post(post, request.user)
    else:
        moderation.reject_held_post(post, request.user)
    return redirect(f"{index.url}moderation/")
