"""The national sites' sign-in hand-off, domain claims, guided start, and a
custom accent's stylesheet."""

from urllib.parse import urlencode, urlsplit

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.models import Locale

from community.accent import accessible_on_white
from community.models import CountryPage
from community.national_spaces import is_focal_point

from . import claims
from .access import can_start_national_site
from .forms import DomainClaimForm
from .hosting import main_base_url, national_country
from .sign_in import HandoffRefused, allowed_return, issue_token, redeem_token
from .starting import missing_starter_pages, start_national_site, working_language

BACKEND = "django.contrib.auth.backends.ModelBackend"


def _local_path(request, url: str | None) -> str:
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts=None):
        return url
    return "/"


@never_cache
@require_GET
def sign_in(request):
    """A national site's sign-in link: through the network's site."""
    if national_country(request) is None:
        return redirect("account_login")
    back = request.build_absolute_uri(_local_path(request, request.GET.get("next")))
    query = urlencode({"next": back})
    return HttpResponseRedirect(
        f"{main_base_url()}{reverse('national:handoff')}?{query}"
    )


@never_cache
@require_GET
def handoff(request):
    """On the network's site: hand the signed-in member back to the national
    site named by `next` with a single-use token."""
    back = request.GET.get("next", "")
    if national_country(request) is not None or not allowed_return(back):
        return HttpResponseBadRequest(_("That address is not a national website."))
    if not request.user.is_authenticated:
        query = urlencode({"next": request.get_full_path()})
        return HttpResponseRedirect(f"{reverse('account_login')}?{query}")
    parts = urlsplit(back)
    token = issue_token(request.user, parts.hostname)
    query = urlencode({"token": token, "next": parts.path or "/"})
    return HttpResponseRedirect(
        f"{parts.scheme}://{parts.netloc}{reverse('national:complete')}?{query}"
    )


@never_cache
@require_GET
def complete(request):
    """On the national site: sign the member in from the network's token."""
    if national_country(request) is None:
        raise PermissionDenied
    try:
        user = redeem_token(request.GET.get("token", ""), request._get_raw_host())
    except HandoffRefused:
        raise PermissionDenied from None
    login(request, user, backend=BACKEND)
    return HttpResponseRedirect(_local_path(request, request.GET.get("next")))


@login_required
def claim_domain(request, iso: str):
    """A focal point asks for a domain of the country's own."""
    country = get_object_or_404(
        CountryPage, iso_code=iso.upper(), locale=Locale.get_default()
    )
    if not is_focal_point(request.user, country):
        raise PermissionDenied
    form = DomainClaimForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            claims.request_domain(request.user, country, form.cleaned_data["hostname"])
        except ValidationError as error:
            form.add_error("hostname", error)
        else:
            messages.success(
                request, _("Domain requested: the Secretariat will review it.")
            )
            return redirect(country.url)
    return render(
        request, "national/claim_domain.html", {"form": form, "country": country}
    )


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
