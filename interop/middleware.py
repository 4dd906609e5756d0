"""What every read-API and widget response goes through: a per-client rate
limit, GET-only, no cookies, and ETag/Last-Modified so harvesters poll cheaply.

Scoped by path so the rest of the site keeps its own behaviour.
"""

from django.conf import settings
from django.http import JsonResponse
from django.middleware.http import ConditionalGetMiddleware
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .throttling import client_key, hit

READ_PREFIXES = ("/api/", "/widgets/embed/")
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def is_read_api(path: str) -> bool:
    return path.startswith(READ_PREFIXES) and not path.startswith("/api/docs")


class ReadAPIMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.conditional = ConditionalGetMiddleware(get_response)

    def __call__(self, request):
        if not is_read_api(request.path_info):
            return self.get_response(request)
        # Everything here is what an anonymous visitor may see: the API reads no
        # session or sign-in cookie, so it can neither leak nor set one.
        request.COOKIES = {}
        request.META.pop("HTTP_COOKIE", None)
        request.META.pop("HTTP_AUTHORIZATION", None)
        if request.method not in SAFE_METHODS:
            response = JsonResponse(
                {"message": _("This API is read-only: use GET.")}, status=405
            )
            response["Allow"] = "GET, HEAD, OPTIONS"
            return response
        if request.method != "OPTIONS":
            limit = hit(client_key(request), settings.INTEROP_RATE_LIMIT)
            if limit.exceeded:
                response = JsonResponse(
                    {"message": too_many_requests(limit)},
                    status=429,
                )
                response["Retry-After"] = str(limit.retry_after)
                return response
        response = self.get_response(request)
        if (
            response.status_code == 404
            and request.path_info.startswith("/api/")
            and not response.get("Content-Type", "").startswith("application/json")
        ):
            # An address no endpoint matches: still a JSON answer.
            response = JsonResponse({"message": _("Not found.")}, status=404)
        # A harvester polls: one hash of the body answers "has it changed?".
        response = self.conditional.process_response(request, response)
        # Anonymous reads only: never hand out a session or CSRF cookie here.
        for name in (settings.SESSION_COOKIE_NAME, settings.CSRF_COOKIE_NAME):
            response.cookies.pop(name, None)
        return response


def too_many_requests(limit) -> str:
    """Three counts, each inflected by its own number (ngettext)."""
    # Translators: the first part of "Too many requests: at most 120 requests
    # every 60 seconds. Try again in 5 seconds."
    amount = ngettext(
        "at most %(amount)s request", "at most %(amount)s requests", limit.amount
    ) % {"amount": limit.amount}
    window = ngettext(
        "every %(seconds)s second", "every %(seconds)s seconds", limit.window
    ) % {"seconds": limit.window}
    retry = ngettext(
        "Try again in %(wait)s second.",
        "Try again in %(wait)s seconds.",
        limit.retry_after,
    ) % {"wait": limit.retry_after}
    return _("Too many requests: %(amount)s %(window)s. %(retry)s") % {
        "amount": amount,
        "window": window,
        "retry": retry,
    }
