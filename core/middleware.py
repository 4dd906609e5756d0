"""Answer 503 with Retry-After while the database is unreachable.

During a PostgreSQL restart or failover a request fails with a connection
error; the reader gets a short "back in a moment" page rather than a 500, and
the next request after the database returns simply works (the pool or the
next connection reconnects).

The same for the object store holding the uploads (core/object_storage.py):
a download, a document or an upload while the bucket cannot be reached
answers 503 saying so, never a 500.
"""

import logging
import sys

from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpResponse
from django.template import loader
from django.utils.translation import get_language, get_language_bidi

from .object_storage import STORAGE_ERRORS

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
    if request is not None and isinstance(sys.exc_info()[1], STORAGE_ERRORS):
        request.storage_unavailable = True


class DatabaseUnavailableMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500:
            if getattr(request, "database_unavailable", False):
                return unavailable()
            if getattr(request, "storage_unavailable", False):
                return unavailable(storage=True)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, STORAGE_ERRORS):
            logger.warning("file storage unavailable: %s", exception)
            return unavailable(storage=True)
        if not isinstance(exception, DATABASE_ERRORS):
            return None
        logger.warning("database unavailable: %s", exception)
        return unavailable()


def unavailable(storage: bool = False) -> HttpResponse:
    """The 503 page; `storage` says the uploaded files are what is missing."""
    # Rendered without the site's context processors: they need the database.
    body = loader.get_template("503.html").render(
        {
            "LANGUAGE_CODE": get_language(),
            "LANGUAGE_BIDI": get_language_bidi(),
            "storage": storage,
        }
    )
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
