"""What every RSS/Atom feed of the site shares: the base class, its Atom twin,
and URL routes that give each request its own feed object and cache it.

A rendered feed is kept in the shared cache for `CHM_FEED_CACHE_SECONDS` under
a key that includes the content version (core/content_writes.py), so an item
published, edited, hidden or deleted shows in (or leaves) every feed on the
next request. Readers are told to revalidate each time (an ETag answers them
with a 304 while nothing changed), so no proxy or browser keeps a stale copy.
"""

import logging
import re

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.urls import path
from django.utils import translation
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

from core.content_writes import content_version
from core.languages import supported

logger = logging.getLogger(__name__)
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class SiteFeed(Feed):
    """RSS 2.0 by default; `self.request` is the request being served.

    Feeds are not language-prefixed: `?lang=fr` gives the feed in French (its
    titles, and its `language` element) and `items_language` lets a feed keep
    only items written in that language; without it, English and every item.
    """

    feed_type = Rss201rev2Feed
    language = settings.LANGUAGE_CODE
    items_language = None
    item_guid_is_permalink = False

    def __call__(self, request, *args, **kwargs):
        self.request = request
        self.items_language = supported(request.GET.get("lang"))
        self.language = self.items_language or settings.LANGUAGE_CODE
        with translation.override(self.language):
            return super().__call__(request, *args, **kwargs)

    def get_feed(self, obj, request):
        """An RSS channel description is read as HTML by many readers, and it
        can quote what members wrote (a tag name, a topic title): escape it.
        (Atom's subtitle is declared as text, so it stays as it is.)"""
        feed = super().get_feed(obj, request)
        if isinstance(feed, Rss201rev2Feed) and feed.feed.get("description"):
            feed.feed["description"] = escape(feed.feed["description"])
        # XML 1.0 cannot hold most control characters: one in a member's
        # title must not turn the whole feed into a server error.
        for values in (feed.feed, *feed.items):
            for key, value in values.items():
                if isinstance(value, str):
                    values[key] = xml_text(value)
                elif isinstance(value, list | tuple):  # categories
                    values[key] = [
                        xml_text(v) if isinstance(v, str) else v for v in value
                    ]
        return feed


def xml_text(value: str) -> str:
    return NOT_XML.sub("", value) if NOT_XML.search(value) else value


def atom(feed_class: type[Feed]) -> type[Feed]:
    """The Atom twin of an RSS feed class."""

    class AtomFeed(feed_class):
        feed_type = Atom1Feed

        def subtitle(self, obj) -> str:
            return self.description(obj)

    AtomFeed.__name__ = f"Atom{feed_class.__name__}"
    return AtomFeed


def _render_feed(feed_class: type[Feed], request, kwargs):
    # A feed object keeps the request it serves, so each request gets its own.
    return feed_class()(request, **kwargs)


def feed_view(feed_class: type[Feed]):
    def view(request, **kwargs):
        seconds = settings.CHM_FEED_CACHE_SECONDS
        if seconds <= 0 or request.method not in ("GET", "HEAD"):
            response = _render_feed(feed_class, request, kwargs)
        else:
            # `?lang=` is part of the full path; the feed's language follows it.
            key = (
                f"feed-cache:{content_version()}:{request.get_host()}:"
                f"{request.get_full_path()}"
            )
            try:
                response = cache.get(key)
            except Exception:  # noqa: BLE001 - without the cache, render as usual
                logger.warning("feed cache unavailable", exc_info=True)
                response = None
            if response is None:
                response = _render_feed(feed_class, request, kwargs)
                if response.status_code == 200:
                    set_response_etag(response)
                    try:
                        cache.set(key, response, seconds)
                    except Exception:  # noqa: BLE001
                        logger.warning("feed not stored in the cache", exc_info=True)
        if response.status_code != 200:
            return response
        patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        return get_conditional_response(
            request, etag=response.get("ETag"), response=response
        )

    return view


def feed_routes(prefix: str, feed_class: type[Feed], name: str) -> list:
    """`<prefix>.rss` and `<prefix>.atom`, named `<name>_rss` and `<name>_atom`."""
    return [
        path(f"{prefix}.rss", feed_view(feed_class), name=f"{name}_rss"),
        path(f"{prefix}.atom", feed_view(atom(feed_class)), name=f"{name}_atom"),
    ]
