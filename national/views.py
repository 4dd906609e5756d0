"""The guided start of a national website, and a custom accent's stylesheet."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import ngettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Locale

from community.accent import accessible_on_white
from community.models import CountryPage

from .access import can_start_national_site
from .starting import missing_starter_pages, start_national_site, working_language


@login_required
@require_http_methods(["GET", "POST"])
def start(request, iso: str):
    """Confirm, then create the starter pages as drafts (POST)."""
    country = get_object_or_404(
        CountryPage, iso_code=iso.upper()[:2], locale=Locale.get_default()
    )
    if not can_start_national_site(request.user, country):
        raise PermissionDenied
    if request.method == "POST":
        created = start_national_site(request.user, country)
        messages.success(
            request,
            ngettext(
                "Your national website has %(count)s new draft page: write it, "
                "then publish it.",
                "Your national website has %(count)s new draft pages: write "
                "them, then publish them.",
                len(created),
            )
            % {"count": len(created)},
        )
        return redirect(country.url)
    return render(
        request,
        "national/start.html",
        {
            "country": country,
            "pages": missing_starter_pages(country),
            "language": working_language(request.user),
        },
    )


@require_GET
@cache_control(public=True, max_age=31536000, immutable=True)
def accent_stylesheet(request, hex_digits: str):
    """A custom accent as a stylesheet. Its address names the colour, so it
    is cached for good and a newly published colour is a new address."""
    colour = f"#{hex_digits.lower()}"
    if not accessible_on_white(colour):
        raise Http404
    css = f".national-site.custom-accent{{--accent:{colour}}}\n"
    return HttpResponse(css, content_type="text/css; charset=utf-8")
