"""Answer 503 with Retry-After while the database is unreachable.

During a PostgreSQL restart or failover a request fails with a connection
error; the reader gets a short "back in a moment" page rather than a 500, and
the next request after the database returns simply works (the pool or the
next connection reconnects).
"""

import logging
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpResponse
from django.template import loader
from django.utils.translation import get_language, get_language_bidi

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


DATABASE_ERRORS = (OperationalError, InterfaceError)


@receiver(got_request_exception)
def note_database_error(sender, request=None, **kwargs):
    """Errors raised in other middleware (loading the session, the member)
    never reach `process_exception`: Django turns them into a 500 on the spot.
    Note them on the request so the middleware can answer 503 instead."""
    if request is not None and isinstance(sys.exc_info()[1], DATABASE_ERRORS):
        request.database_unavailable = True


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500 and getattr(
            request, "database_unavailable", False
        ):
            return unavailable()
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        logger.warning("database unavailable: %s", exception)
        return unavailable()


def unavailable() -> HttpResponse:
    # Rendered without the site's context processors: they need the database.
    body = loader.get_template("503.html").render(
        {"LANGUAGE_CODE": get_language(), "LANGUAGE_BIDI": get_language_bidi()}
    )
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
