"""Who hears of a news post: the followers of its country, region, tags and
author, except those who muted its country or region and its authors."""

from django.utils.translation import gettext as _

from notifications.audiences import (
    Draft,
    active,
    in_their_languages,
    muted,
    subscribers,
)
from translations.names import place_name

from .events import NEWS


def news_published(post) -> list[Draft]:
    tags = list(post.tags.all())
    watchers = subscribers([post.country, post.region, *tags, post.owner])
    watchers -= muted([post.country, post.region])
    authors = {link.author_id for link in post.post_authors.all()} | {post.owner_id}
    recipients = active(watchers - authors)
    titles = in_their_languages(
        recipients,
        lambda: (
            _("News from %(place)s: %(title)s")
            % {"place": place_name(post.country), "title": post.title}
        ),
    )
    return [
        Draft(
            user_id,
            NEWS,
            titles[user_id],
            post.url,
            f"news:{post.pk}",
            post.owner_id,
        )
        for user_id in recipients
    ]
