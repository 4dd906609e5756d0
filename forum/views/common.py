"""The page around every forum view: the forum index page as the Wagtail
page being shown, the forum or topic read (404 when it may not be read, as
forum.access decides), and a refusal shown as its status."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

from core.refusals import Refusal, refusal_response, with_retry_after

from ..access import can_moderate, readable_forum, readable_topic
from ..models import Forum, Topic


def page_context(request, index) -> dict:
    """What every forum template is given: the forum index page (the Wagtail
    page being shown) and whether the reader moderates."""
    return {
        "page": index,
        "self": index,
        "is_moderator": can_moderate(request.user),
    }


def render(request, index, template: str, context: dict, status: int = 200):
    response = TemplateResponse(
        request, template, {**page_context(request, index), **context}, status=status
    )
    return with_retry_after(response, getattr(context.get("form"), "retry_after", None))


def varies_with_htmx(response):
    """For views that answer htmx with a fragment: caches keep the page and the
    fragment apart, and the anonymous page cache (core/page_cache.py) never
    stores a fragment (it skips private responses)."""
    patch_vary_headers(response, ["HX-Request"])
    if getattr(response, "_is_fragment", False):
        patch_cache_control(response, private=True, no_store=True)
    return response


def fragment(request, index, template: str, context: dict, status: int = 200):
    response = render(request, index, template, context, status)
    response._is_fragment = True
    return varies_with_htmx(response)


def refused(request, index, error: Refusal):
    """A refusal a member should not have met (not allowed, too fast): its own
    status (403, 429) and the message, not a redirect that hides it."""
    return refusal_response(request, error, "403.html", page_context(request, index))


def get_forum(request, forum_slug: str) -> Forum:
    """The forum, or 404. A forum the visitor may not read answers exactly as
    one that does not exist, so its slug tells nothing (not even "sign in")."""
    forum = readable_forum(request.user, forum_slug)
    if forum is None:
        raise Http404
    return forum


def get_topic(request, topic_id: int, forum: Forum | None = None) -> Topic:
    """The topic, or 404: private and unknown topics answer alike, no way to
    probe which exist."""
    topic = readable_topic(request.user, topic_id, forum)
    if topic is None:
        raise Http404
    return topic
