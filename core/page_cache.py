"""Whole-page cache for anonymous visitors, dropped on every content write.

Most readers of the network are anonymous (newcomers, national sites'
visitors, harvesters). Their pages are identical for everyone, so a rendered
page is kept in the shared cache for `CHM_PAGE_CACHE_SECONDS`, keyed by the
language, scheme, host and full path (pages name their own absolute address:
canonical and hreflang links). Correctness comes from a content version
(core/content_writes.py): every committed write to content (a post, a page
publication, a bulk update, a toolkit, a tag...) bumps one counter that is
part of every key, so the next visitor gets a fresh
page at once rather than when the entry expires.

What is never cached: requests with a session or pending messages (signed-in
members, someone just told "saved") or a language cookie other than the
page's, anything but GET, responses that set a cookie (a CSRF token in a
form), responses marked private or no-store (`never_cache`), anything but
a 200, and htmx's in-page requests (HX-Request): their answer may be a
fragment, which must never be stored under, or served for, the page's key.
"""

import logging

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.utils import translation
from django.utils.cache import get_conditional_response

from core.content_writes import (  # noqa: F401 - the version lives beside the writes
    VERSION_KEY,
    bump_content_version,
    content_changed,
    content_version,
)

logger = logging.getLogger(__name__)


def _cacheable_request(request) -> bool:
    # A reader whose language cookie differs from the page's language may be
    # redirected to their language (translations.middleware): render for them.
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return (
        settings.CHM_PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and "HX-Request" not in request.headers
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
        and chosen in (None, translation.get_language())
    )


def _cacheable_response(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "no-cache" not in cache_control
    )


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous pages (placed after LocaleMiddleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        # A Host outside ALLOWED_HOSTS raises DisallowedHost here: Django's
        # 400, not a cache outage to log.
        host = request.get_host()
        try:
            key = (
                f"page-cache:{content_version()}:{translation.get_language()}:"
                f"{request.scheme}://{host}:{request.get_full_path()}"
            )
            cached = cache.get(key)
        except Exception:  # noqa: BLE001 - without the cache, render as usual
            logger.warning("page cache unavailable", exc_info=True)
            return self.get_response(request)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            # A feed reader revalidating its copy gets a 304 (feeds carry an ETag).
            return get_conditional_response(
                request, etag=cached.get("ETag"), response=cached
            )

        response = self.get_response(request)
        if _cacheable_response(response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            response["X-Page-Cache"] = "miss"
            try:
                cache.set(key, response, settings.CHM_PAGE_CACHE_SECONDS)
            except Exception:  # noqa: BLE001
                logger.warning("page not stored in the cache", exc_info=True)
        return response
