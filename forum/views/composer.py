"""The composer: its countdown, its preview (with and without JavaScript),
@mention suggestions, and running a posted form through a write function."""

from django.conf import settings
from django.forms import SelectMultiple
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from community.models import User
from core.refusals import Refusal, show_on_form
from core.throttling import hit, requester_key
from translations.middleware import prefixed

from .. import posting
from ..cooking import cook
from ..models import Topic
from ..models.post import MAX_POST_LENGTH
from .common import varies_with_htmx


def composer_wait(user, kind: str = "post", seconds: int | None = None):
    """The countdown shown above a composer while the posting interval runs
    (forum.posting.check_rate_limit), or None when the member may post."""
    if seconds is None:
        seconds = posting.seconds_until_can_post(user, kind)
    if not seconds:
        return None
    # The same sentence is filled in by composer.js as the seconds go by.
    template = _("You can post again in %(duration)s.")
    duration = ngettext("%(count)s second", "%(count)s seconds", seconds) % {
        "count": seconds
    }
    return {
        "seconds": seconds,
        "template": template,
        "text": template % {"duration": duration},
    }


def wants_preview(request) -> bool:
    """The composer's Preview button, without JavaScript: the form is shown
    again with the cooked text, and nothing is posted."""
    return request.method == "POST" and "preview" in request.POST


def previewed(form_class, request, **kwargs):
    """The form again, unbound (no errors for a half-written post), holding
    what the member typed, and the preview of its body."""
    fields = form_class.base_fields
    initial = {
        name: request.POST.getlist(name)
        if isinstance(field.widget, SelectMultiple)
        else request.POST.get(name, "")
        for name, field in fields.items()
        if name in request.POST
    }
    form = form_class(initial={**kwargs.pop("initial", {}), **initial}, **kwargs)
    body = request.POST.get("body", "").strip()
    if len(body) > MAX_POST_LENGTH:
        error = ngettext(
            "The preview is limited to %(count)s character.",
            "The preview is limited to %(count)s characters.",
            MAX_POST_LENGTH,
        ) % {"count": MAX_POST_LENGTH}
        return form, {"preview_error": error, "keep_draft": True}
    return form, {"preview_html": cook(body)[0], "keep_draft": True}


def submit(request, form, action):
    """Run `action(cleaned_data)` for a valid POSTed form. Returns (result,
    status): the result is None when there is nothing to do yet (GET), when
    the form is invalid (400) or when the action refused (its status), the
    refusal then being shown as a form error with the member's text kept."""
    if request.method != "POST":
        return None, 200
    if not form.is_valid():
        return None, 400
    try:
        return action(form.cleaned_data), 200
    except Refusal as error:
        return None, show_on_form(form, error)


def composer_context(
    request, index, topic: Topic, page_number: int | None = None
) -> dict:
    """The reply composer at the foot of a topic (and on its reply page).
    Its addresses come from the page being read, so they keep its language
    prefix (/ar/...) and the fragments answer in that language."""
    topic_url = request.path.removesuffix("reply/")
    return {
        "topic_url": topic_url,
        "action": f"{topic_url}reply/",
        "draft_key": f"reply:topic:{topic.pk}",
        "submit_label": _("Post reply"),
        "reply_page_number": page_number,
        **composer_urls(index),
    }


def composer_urls(index) -> dict:
    """The preview and @mention endpoints, in the language being read."""
    return {"forum_root": prefixed(index.url, get_language())}


MENTION_SUGGESTIONS = 8


def preview(request, index):
    """The composer's preview: the text cooked exactly as a post is (same
    Markdown, sanitiser and @mention links), for signed-in members, limited
    in size like a post and lightly in rate. Answers the region's HTML."""
    if not request.user.is_authenticated:
        return HttpResponse(status=403)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    context = {}
    status = 200
    limit = hit(
        requester_key(request), settings.CHM_PREVIEW_RATE_LIMIT, "forum-preview"
    )
    body = request.POST.get("body", "").strip()
    if limit.exceeded:
        status = 429
        context["preview_error"] = ngettext(
            "Too many previews: please wait %(seconds)s second.",
            "Too many previews: please wait %(seconds)s seconds.",
            limit.retry_after,
        ) % {"seconds": limit.retry_after}
    elif len(body) > MAX_POST_LENGTH:
        status = 413
        context["preview_error"] = ngettext(
            "The preview is limited to %(count)s character.",
            "The preview is limited to %(count)s characters.",
            MAX_POST_LENGTH,
        ) % {"count": MAX_POST_LENGTH}
    else:
        context["preview_html"] = cook(body)[0]
    response = HttpResponse(
        render_to_string(
            "forum/includes/composer_preview.html", context, request=request
        ),
        status=status,
    )
    if status == 429:
        response["Retry-After"] = str(limit.retry_after)
    response._is_fragment = True
    return varies_with_htmx(response)


def mention_suggestions(request, index):
    """Members whose username or display name starts with ?q= (two letters
    at least), for @mention completion: active members only, signed-in
    askers only, and nothing but the public name and username."""
    if not request.user.is_authenticated:
        return JsonResponse({"results": []}, status=403)
    limit = hit(
        requester_key(request), settings.CHM_SUGGEST_RATE_LIMIT, "forum-mention"
    )
    if limit.exceeded:
        response = JsonResponse({"results": []}, status=429)
        response["Retry-After"] = str(limit.retry_after)
        return response
    prefix = request.GET.get("q", "").strip().lstrip("@")[:50]
    members = (
        User.objects.mention_candidates(prefix)[:MENTION_SUGGESTIONS]
        if len(prefix) >= 2
        else []
    )
    response = JsonResponse(
        {
            "results": [
                {"username": member.username, "name": member.get_display_name()}
                for member in members
            ]
        }
    )
    patch_cache_control(response, private=True, no_store=True)
    return response
