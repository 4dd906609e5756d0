"""Discussions of editorial pages (news, toolkits) reuse the forum engine: one
topic per page, in the forum of the page's CBD subject when there is one."""

from django.utils.translation import gettext as _

from tagging.vocabulary import MAX_TAGS_PER_ITEM

from .errors import ForumError
from .models import Forum, Topic
from .posting import create_topic

DEFAULT_FORUM_SLUG = "chm-network-help"


def discussion_for(page, user) -> Topic | None:
    return (
        Topic.objects.visible_to(user)
        .select_related("forum")
        .filter(page_id=page.pk)
        .first()
    )


def forum_for_page(page) -> Forum | None:
    specific = page.specific
    tags = getattr(specific, "tags", None)
    if tags is not None:
        forum = (
            Forum.objects.public()
            .filter(subject__tag__in=tags.all(), is_locked=False)
            .order_by("sort_order")
            .first()
        )
        if forum:
            return forum
    return (
        Forum.objects.public().filter(slug=DEFAULT_FORUM_SLUG).first()
        or Forum.objects.public().filter(is_locked=False).first()
    )


def start_discussion(page, user) -> Topic:
    existing = Topic.objects.filter(page_id=page.pk).first()
    if existing is not None:
        return existing
    forum = forum_for_page(page)
    if forum is None:
        raise ForumError(_("There is no forum to hold this discussion yet."))
    title = _("Discussion: %(title)s") % {"title": page.title}
    body = _("Let's discuss [%(title)s](%(url)s).") % {
        "title": page.title.replace("]", ")"),
        "url": page.full_url or page.url,
    }
    tags = getattr(page.specific, "tags", None)
    return create_topic(
        forum,
        user,
        title[:200],
        body,
        tags=list(tags.all()[:MAX_TAGS_PER_ITEM]) if tags else (),
        page=page,
    )
