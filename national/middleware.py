"""Serving each country's space as a site of its own.

`NationalHostMiddleware` (early, before anything asks for the host) reads the
Host header and decides which site the request is for:

- a host of the network itself: nothing changes;
- `<iso>.<CHM_NATIONAL_DOMAIN>`: that country's site, or the network's 404
  page when no country has that code;
- a domain whose claim the Secretariat approved: that country's site;
- anything else (another site's name, a malformed header): 400, as Django
  answers a host outside ALLOWED_HOSTS.

For a country's site it sets `request.national_country` and gives Wagtail a
site of its own for the request, rooted at the CountryPage, rather than a
`Site` row per country: Wagtail then routes the country's subtree at the
host's root (with the /fr/ ... prefixes of chm/urls.py), names the country's
pages with paths relative to it and every other page with its absolute
address on the network (`page.get_url(request)`), while the network itself
keeps one `Site` row, so every address it builds without a request
(`page.url` in feeds, emails, the API) stays what it was. It also matches the
host by name whatever the port (test servers use random ones), which
`Site.find_for_request` does not.

`NationalRoutesMiddleware` (after LocaleMiddleware, which strips the language
prefix) sends what a national site does not serve (the forums, search,
members, the admin, ...) to the same address on the network.
"""

from urllib.parse import urlencode

from django.core.exceptions import DisallowedHost
from django.http import Http404, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.urls import Resolver404, resolve, reverse
from wagtail.models import Locale, Site
from wagtail.models.sites import SiteRootPath

from community.models import CountryPage

from .hosting import (
    ISO_LABEL,
    approved_domains,
    hostname_of,
    is_main_host,
    main_base_url,
    national_label,
)

# What a national host serves besides its pages (URL names, or namespaces
# followed by ":"); the rest goes to the network.
SERVED_ROUTES = {
    "wagtail_serve",
    "set_language",
    "javascript-catalog",
    "favicon",
    "robots_txt",
    "web_app_manifest",
    "service_worker",
    "offline",
    "healthz",
    "account_logout",
    "national:",
    "national_accent_css",
}
# Files (whitenoise, the public media, Wagtail's documents with their privacy
# check), feeds, and Wagtail's password form for a private page.
SERVED_PREFIXES = ("/static/", "/media/", "/documents/", "/feeds/", "/_util/")


def serve_route(name: str) -> None:
    """Serve a route of an app above this one on national hosts too (a URL
    name, or a namespace followed by ":"), from that app's `ready()`."""
    SERVED_ROUTES.add(name)


def _country_for(hostname: str):
    label = national_label(hostname)
    if label is not None:
        if not ISO_LABEL.match(label):
            return None
        return (
            CountryPage.objects.live()
            .filter(iso_code__iexact=label, locale=Locale.get_default())
            .first()
        )
    country_id = approved_domains().get(hostname)
    if country_id is None:
        return None
    return CountryPage.objects.live().filter(pk=country_id).first()


def serve_country(request, country, hostname: str, port: str) -> None:
    """Make Wagtail serve `country`'s subtree at this request's host."""
    request.national_country = country
    site = Site(
        pk=-country.pk,
        hostname=hostname,
        port=int(port) if port.isdigit() else 80,
        root_page=country,
        is_default_site=False,
        site_name=country.title,
    )
    request._wagtail_site = site
    origin = f"{request.scheme}://{request._get_raw_host()}"
    own = [
        SiteRootPath(site.pk, page.url_path, origin, page.locale.language_code)
        for page in country.get_translations(inclusive=True).select_related("locale")
    ]
    network = [
        SiteRootPath(path.site_id, path.root_path, main_base_url(), path.language_code)
        for path in Site.get_site_root_paths()
    ]
    request._wagtail_cached_site_root_paths = own + network


class NationalHostMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.national_country = None
        raw_host = request._get_raw_host()
        hostname = hostname_of(raw_host)
        if not hostname:
            raise DisallowedHost(f"Invalid HTTP_HOST header: {raw_host!r}.")
        if is_main_host(hostname):
            return self.get_response(request)
        label = national_label(hostname)
        country = _country_for(hostname)
        if country is None:
            if label is not None:
                # A national address no country holds: the network's 404.
                request.get_host = lambda: raw_host
                raise Http404("No national site at this address.")
            raise DisallowedHost(f"Invalid HTTP_HOST header: {raw_host!r}.")
        if label is None:
            # An approved domain, outside the static ALLOWED_HOSTS: checked
            # here instead.
            request.get_host = lambda: raw_host
        port = raw_host[len(hostname) + 1 :] if ":" in raw_host else ""
        serve_country(request, country, hostname, port)
        return self.get_response(request)


def served_here(request) -> bool:
    request._national_route = None
    if request.path_info.startswith(SERVED_PREFIXES):
        return True
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return True
    request._national_route = match.url_name
    return match.url_name in SERVED_ROUTES or any(
        f"{namespace}:" in SERVED_ROUTES for namespace in match.namespaces
    )


def own_page_path(country, page_path: str) -> str | None:
    """`/x/` for `africa/benin/x/` on Benin's site; None for other paths."""
    path = "/" + page_path.lstrip("/")
    for translation in country.get_translations(inclusive=True).only("url_path"):
        root = "/" + translation.url_path.split("/", 2)[2]
        if path.startswith(root):
            return "/" + path[len(root) :]
    return None


def network_has_page(request, path_info: str) -> bool:
    """Whether the network's site has a page at this path (a relative link
    to a network page followed on a national host)."""
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return False
    components = [part for part in path_info.split("/") if part]
    try:
        site.root_page.localized.specific.route(request, components)
    except Http404:
        return False
    return True


class NationalRoutesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if getattr(request, "national_country", None) is None:
            return self.get_response(request)
        if not served_here(request):
            if request._national_route == "account_login":
                # Signing in on a national site goes through the network.
                query = urlencode({"next": request.GET.get("next") or "/"})
                return HttpResponseRedirect(f"{reverse('national:sign_in')}?{query}")
            return self.to_network(request)
        response = self.get_response(request)
        page_path = self._page_path(request)
        if response.status_code == 404 and page_path is not None:
            own = own_page_path(request.national_country, page_path)
            if own is not None:
                # The country's page by its network path (a link built
                # without the request): the same page at its address here.
                prefix = request.path_info[: -len(page_path) or None]
                return HttpResponsePermanentRedirect(prefix.rstrip("/") + own)
            if network_has_page(request, page_path):
                return self.to_network(request)
        return response

    @staticmethod
    def _page_path(request) -> str | None:
        match = getattr(request, "resolver_match", None)
        if match is not None and match.url_name == "wagtail_serve":
            return match.args[0] if match.args else ""
        return None

    @staticmethod
    def to_network(request):
        return HttpResponseRedirect(main_base_url() + request.get_full_path())
