"""Who hears of a new toolkit: the followers of its library and tags, except
those who muted the library and its owner."""

from django.utils.translation import gettext as _

from notifications.audiences import Draft, active, muted, subscribers

from .events import TOOLKIT


def page_published(page) -> list[Draft]:
    """A toolkit published: watchers of its library (the parent page) and tags."""
    tags = list(page.tags.all()) if hasattr(page, "tags") else []
    parent = page.get_parent().specific
    watchers = subscribers([parent, *tags]) - muted([parent]) - {page.owner_id}
    return [
        Draft(
            user_id,
            TOOLKIT,
            _("New in %(library)s: %(title)s")
            % {"library": parent.title, "title": page.title},
            page.url,
            f"page:{page.pk}",
            page.owner_id,
        )
        for user_id in active(watchers)
    ]
