"""The actions on one post: edit, delete, like, solution, flag, history and
its redaction, moderators' hide and restore."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from core import htmx
from core.refusals import Refusal

from .. import moderation, posting, redaction
from ..access import readable_post
from ..forms import EditForm, FlagForm
from ..models import Post
from .common import get_topic, refused, render
from .composer import composer_urls, previewed, submit, wants_preview

POST_ACTIONS = {
    "edit",
    "delete",
    "like",
    "unlike",
    "solution",
    "unsolve",
    "flag",
    "history",
    "redact",
    "hide",
    "restore",
}


IN_PLACE_POST_ACTIONS = {"like", "unlike", "solution", "unsolve"}


@htmx.vary_on_htmx
def post_action(request, index, post_id: int, action: str):
    if action not in POST_ACTIONS:
        raise Http404
    post = readable_post(request.user, post_id)
    if post is None:
        raise Http404
    topic = get_topic(request, post.topic_id)
    if action == "history":
        revisions = post.revisions.select_related("editor")
        return render(
            request,
            index,
            "forum/post_history.html",
            {
                "topic": topic,
                "post": post,
                "revisions": revisions,
                "can_redact": redaction.can_redact_post_history(request.user, post),
            },
        )
    if not request.user.is_authenticated:
        if request.htmx:
            return htmx.sign_in_first(request, topic.url_for_post_number(post.number))
        return redirect_to_login(request.get_full_path())
    if action == "redact":
        return redact_revision(request, index, post)
    if action == "edit":
        return edit_post(request, index, topic, post)
    if action == "flag":
        return flag_post(request, index, topic, post)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    previous_solution_id = topic.solution_id
    try:
        if action == "delete":
            posting.delete_post(post, request.user)
            messages.success(request, _("The post was deleted."))
            if post.is_first:
                return redirect(topic.forum.get_absolute_url())
        elif action == "like":
            posting.like_post(post, request.user)
        elif action == "unlike":
            posting.unlike_post(post, request.user)
        elif action == "solution":
            posting.mark_solution(post, request.user)
            if not request.htmx:
                messages.success(request, _("Marked as the solution."))
        elif action == "unsolve":
            posting.unmark_solution(topic, request.user)
        elif action == "hide":
            moderation.hide_post(post, request.user, request.POST.get("reason", ""))
        elif action == "restore":
            moderation.restore_post(post, request.user)
    except Refusal as error:
        if request.htmx:
            return htmx.refusal(request, error.message, error.status)
        if error.status != 400:
            return refused(request, index, error)
        messages.error(request, error.message)
        response = redirect(topic.url_for_post_number(post.number))
        response.status_code = 303
        return response
    if request.htmx and action in IN_PLACE_POST_ACTIONS:
        return post_controls(request, index, topic, post, action, previous_solution_id)
    return redirect(topic.url_for_post_number(post.number))


def post_controls(request, index, topic, post, action, previous_solution_id):
    """The fragment htmx swaps after a like or a solution: the post's fresh
    like count and state, or every solution marker that moved."""
    context = {"page": index, "topic": topic}
    if action in ("like", "unlike"):
        post.refresh_from_db(fields=["like_count"])
        post.liked = action == "like"
        context["post"] = post
        return htmx.fragment(request, "forum/includes/like_control.html", context)
    topic.refresh_from_db(fields=["solution"])
    previous = None
    if previous_solution_id and previous_solution_id != post.pk:
        previous = Post.objects.filter(pk=previous_solution_id).first()
    context |= {
        "post": post,
        "previous": previous,
        "can_mark_solution": posting.can_mark_solution(request.user, topic),
        "message": _("Marked as the solution.")
        if topic.solution_id == post.pk
        else _("No longer marked as the solution."),
    }
    return htmx.fragment(request, "forum/includes/solution_response.html", context)


def redact_revision(request, index, post):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    number = request.POST.get("revision", "")
    revision = (
        post.revisions.filter(number=number).first() if number.isdigit() else None
    )
    if revision is None:
        raise Http404
    try:
        redaction.redact_revision(
            revision, request.user, request.POST.get("reason", "")
        )
    except Refusal as error:
        return refused(request, index, error)
    messages.success(request, _("The version was redacted."))
    return redirect(request.path.removesuffix("redact/") + "history/")


def edit_post(request, index, topic, post):
    if not posting.can_edit(request.user, post):
        return render(request, index, "403.html", {}, 403)
    extra = {}
    if wants_preview(request):
        form, extra = previewed(EditForm, request, initial={"body": post.raw})
        edited, status = None, 200
    else:
        form = EditForm(request.POST or None, initial={"body": post.raw})
        edited, status = submit(
            request,
            form,
            lambda data: posting.edit_post(post, request.user, data["body"]),
        )
    if edited is not None:
        return redirect(topic.url_for_post_number(post.number))
    return render(
        request,
        index,
        "forum/post_edit.html",
        {
            "topic": topic,
            "post": post,
            "form": form,
            "action": request.path,
            **composer_urls(index),
            "draft_key": f"edit:post:{post.pk}",
            "submit_label": _("Save changes"),
            "cancel_url": topic.url_for_post_number(post.number, index.url),
            **extra,
        },
        status,
    )


def flag_post(request, index, topic, post):
    form = FlagForm(request.POST or None)
    flag, status = submit(
        request,
        form,
        lambda data: moderation.flag_post(
            post, request.user, data["reason"], data["text"]
        ),
    )
    if flag is not None:
        messages.success(request, _("Thank you: moderators will look at this post."))
        return redirect(topic.url_for_post_number(post.number))
    return render(
        request,
        index,
        "forum/flag_form.html",
        {"topic": topic, "post": post, "form": form},
        status,
    )
