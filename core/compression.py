"""Compressed HTML for pages that hold no secret.

Static files are compressed once by whitenoise (collectstatic); pages were
sent as they are, a third of a topic page's first view on a slow link. gzip
here compresses a response only when nothing in it is a secret an attacker
could guess letter by letter through its compressed size (BREACH): no
session (the reader is anonymous) and no CSRF token used in the page. That
is the same rule as the anonymous page cache's, so the pages most visitors
read (and crawlers, and Lighthouse) are compressed, and a signed-in member's
pages, which carry form tokens and their own data beside text they may have
typed into the address, are not. Django's own GZipMiddleware still adds its
"Heal The BREACH" random padding to what it compresses.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware


class AnonymousGZipMiddleware(GZipMiddleware):
    """GZipMiddleware for responses to readers without a session whose page
    rendered no CSRF token (placed before CsrfViewMiddleware, so that it sees
    the cookie that middleware sets)."""

    def process_response(self, request, response):
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return response
        # A page that rendered a CSRF token (re)sets its cookie (get_token).
        if settings.CSRF_COOKIE_NAME in response.cookies or settings.CSRF_USE_SESSIONS:
            return response
        return super().process_response(request, response)
