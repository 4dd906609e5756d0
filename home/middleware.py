"""Answer 503 with Retry-After while the database is unreachable.

During a PostgreSQL restart or failover a request fails with a connection
error; the reader gets a short "back in a moment" page rather than a 500, and
the next request after the database returns simply works (the pool or the
next connection reconnects).
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.translation import get_language, get_language_bidi

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.warning("database unavailable: %s", exception)
        # Rendered without the site's context processors: they need the database.
        body = loader.get_template("503.html").render(
            {"LANGUAGE_CODE": get_language(), "LANGUAGE_BIDI": get_language_bidi()}
        )
        response = HttpResponse(body, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
