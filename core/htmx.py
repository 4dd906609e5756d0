"""Answers to htmx's in-page requests (django-htmx's `request.htmx`).

An action view answers a plain form POST with a redirect and an htmx request
with the small fragment that changed. Every such view varies on HX-Request,
so no cache (the browser's or the anonymous page cache) hands a fragment to a
plain request or a page to htmx. A refusal under htmx is retargeted to the
page's status region (`#action-status`, in base.html), where it is read out,
instead of failing silently or replacing the control with an error page.
"""

from functools import wraps
from urllib.parse import urlsplit

from django.contrib.auth.decorators import login_required as plain
from django.contrib.auth.views import redirect_to_login
from django.template.response import TemplateResponse
from django.utils.cache import patch_vary_headers
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

STATUS_REGION = "#action-status"

# Decorator for views that answer htmx and plain requests differently.
vary_on_htmx = vary_on_headers("HX-Request")


def fragment(request, template: str, context: dict, status: int = 200):
    response = TemplateResponse(request, template, context, status=status)
    patch_vary_headers(response, ("HX-Request",))
    return response


def status_message(request, message, status: int = 200, *, error: bool = False):
    """`message` shown in the page's status region, whatever the requesting
    element targeted (actions.js lets htmx swap 4xx answers retargeted so)."""
    response = fragment(
        request,
        "includes/action_status.html",
        {"message": message, "error": error},
        status=status,
    )
    response["HX-Retarget"] = STATUS_REGION
    response["HX-Reswap"] = "innerHTML"
    return response


def refusal(request, message, status: int):
    return status_message(request, message, status, error=True)


def sign_in_first(request, next_url: str):
    """A visitor's htmx action: send the whole window to the sign-in page
    (a plain 302 would be followed by the XHR and swapped into the control)."""
    response = HttpResponseClientRedirect(redirect_to_login(next_url).url)
    patch_vary_headers(response, ("HX-Request",))
    return response


def login_required(view):
    """Django's login_required, except that an htmx request from a visitor
    (a session that expired in an open tab) moves the whole window to the
    sign-in page instead of swapping that page into a control."""
    plain_view = plain(view)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.htmx and not request.user.is_authenticated:
            current = request.headers.get("HX-Current-URL", "")
            return sign_in_first(request, _same_site_path(current) or request.path)
        return plain_view(request, *args, **kwargs)

    return wrapped


def _same_site_path(url: str) -> str:
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return path if path.startswith("/") and not path.startswith("//") else ""
