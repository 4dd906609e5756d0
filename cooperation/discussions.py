"""Each request is discussed in a topic of the "South–South cooperation" forum,
through the forum engine (as pages are, in forum/discussions.py)."""

from django.utils.translation import gettext as _

from forum.models import Forum, Topic
from forum.posting import create_topic
from tagging.vocabulary import MAX_TAGS_PER_ITEM

FORUM_SLUG = "south-south-cooperation"


def cooperation_forum() -> Forum:
    """The forum, created the first time a request needs it."""
    forum, _created = Forum.objects.get_or_create(
        slug=FORUM_SLUG,
        defaults={
            # Forum names are content, kept in the source language.
            "name": "South–South cooperation",
            "description": (
                "Requests and offers of help between countries, and lessons learned."
            ),
        },
    )
    return forum


def open_discussion(request) -> Topic:
    """The topic for a new request, written by the requester. Its body points
    back to the request with a site path, so the forum's link rules (meant for
    spam) do not hold it."""
    subjects = [s.tag for s in request.subjects.select_related("tag")]
    body = _(
        "%(country)s asks for help: %(problem)s\n\n"
        "The request, its matches and its follow-up: %(path)s"
    ) % {
        "country": request.country.title,
        "problem": request.problem,
        "path": request.get_absolute_url(),
    }
    title = _("Cooperation request: %(title)s") % {"title": request.title}
    return create_topic(
        cooperation_forum(),
        request.requested_by,
        title[:200],
        body,
        tags=subjects[:MAX_TAGS_PER_ITEM],
        rate_limited=False,
    )
