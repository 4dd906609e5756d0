"""Which national CHM website a request is for, and the addresses of each.

The hosting middleware (national.middleware) sets `request.national_country`
to the CountryPage whose national website the request's host names
(`bj.<CHM_NATIONAL_DOMAIN>` or a domain the country claimed and the
Secretariat approved), and to None on the network's own site. Everything else
reads it through `national_country(request)`.

A country's site has two addresses besides its pages on the network
(/africa/benin/): its national address, `<iso>.<CHM_NATIONAL_DOMAIN>`, always,
and the domain it claimed once approved. The canonical one is the approved
domain when there is one (what the country prints on its letters), else the
national address.
"""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http.request import split_domain_port, validate_host

APPROVED_DOMAINS_KEY = "national:approved-domains"
# One DNS label of an ISO 3166-1 alpha-2 code (and EU): bj, ke.
ISO_LABEL = re.compile(r"^[a-z]{2}$")


def national_country(request):
    """The CountryPage served as a site at this request's host, or None."""
    return getattr(request, "national_country", None)


def national_domain() -> str:
    return settings.CHM_NATIONAL_DOMAIN


def main_base_url() -> str:
    """The network's own site, for links and redirects from national hosts."""
    return settings.SITE_BASE_URL


def _scheme_and_port() -> tuple[str, str]:
    parts = urlsplit(settings.SITE_BASE_URL)
    default = {"http": 80, "https": 443}.get(parts.scheme)
    port = f":{parts.port}" if parts.port and parts.port != default else ""
    return parts.scheme or "https", port


def national_hostname(iso: str) -> str:
    return f"{iso.lower()}.{national_domain()}"


def national_address(iso: str) -> str:
    """`http://bj.localhost:8000` under `make run`, `https://bj.chm-cbd.net`."""
    scheme, port = _scheme_and_port()
    return f"{scheme}://{national_hostname(iso)}{port}"


def approved_domains() -> dict[str, int]:
    """Hostname: country page id, for every approved claim (cached; cleared
    by `forget_approved_domains` whenever a claim changes)."""
    domains = cache.get(APPROVED_DOMAINS_KEY)
    if domains is None:
        from .models import DomainClaim

        domains = dict(
            DomainClaim.objects.approved().values_list("hostname", "country_id")
        )
        cache.set(APPROVED_DOMAINS_KEY, domains, 3600)
    return domains


def forget_approved_domains() -> None:
    cache.delete(APPROVED_DOMAINS_KEY)


def approved_domain_of(country) -> str | None:
    for hostname, country_id in approved_domains().items():
        if country_id == country.pk:
            return hostname
    return None


def canonical_address(country) -> str:
    """The one address search engines are told for a country's site."""
    domain = approved_domain_of(country)
    if domain:
        scheme, _port = _scheme_and_port()
        return f"{scheme}://{domain}"
    return national_address(country.iso_code)


def national_site_url(country) -> str:
    """The country's national website, at its canonical address, with a slash."""
    return f"{canonical_address(country)}/"


def national_label(hostname: str) -> str | None:
    """`bj` for `bj.<national domain>`; None for any other host."""
    suffix = f".{national_domain()}"
    if not hostname.endswith(suffix):
        return None
    return hostname[: -len(suffix)]


def is_main_host(hostname: str) -> bool:
    """The network's own site: a host named in ALLOWED_HOSTS itself (not
    through the national wildcard), or the national domain itself."""
    if hostname == national_domain():
        return True
    named = [host for host in settings.ALLOWED_HOSTS if not host.startswith(".")]
    return validate_host(hostname, named)


def is_national_host(hostname: str) -> bool:
    """A host a national site may be served at, whether or not a country
    has it yet: a national address or an approved domain. Used to check
    where the sign-in hand-off may lead."""
    hostname = hostname.lower().rstrip(".")
    label = national_label(hostname)
    return bool(label and ISO_LABEL.match(label)) or hostname in approved_domains()


def hostname_of(raw_host: str) -> str:
    return split_domain_port(raw_host)[0]


def _country_of(page):
    """The CountryPage a page belongs to (itself, or its ancestor), or None."""
    from community.models import CountryPage

    if isinstance(page, CountryPage):
        return page
    if page.depth <= 4:
        return None
    return page.get_ancestors().type(CountryPage).specific().last()


def national_addresses(request, page):
    """A function moving a page's absolute addresses (canonical, language
    alternates) on the host being read to its country's one canonical site:
    the approved domain, else the national address. None for a page outside
    any country, whose addresses stay as they are."""
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Page

    from core.languages import supported

    if not isinstance(page, Page):
        return None
    here = national_country(request)
    country = here or _country_of(page)
    if country is None:
        return None
    # The country's address in each language tree: /africa/benin/ (the
    # network's home is the site root, the first segment of `url_path`).
    translations = list(
        country.get_translations(inclusive=True).select_related("locale")
    )
    if here is None:
        source = get_supported_content_language_variant(settings.LANGUAGE_CODE)
        country = next(
            (item for item in translations if item.locale.language_code == source),
            country,
        )
    roots = sorted(
        ("/" + item.url_path.split("/", 2)[2] for item in translations),
        key=len,
        reverse=True,
    )
    base = canonical_address(country)

    def move(url: str | None) -> str | None:
        if not url:
            return url
        parts = urlsplit(url)
        path = parts.path
        if here is None:
            # On the network: /fr/africa/benin/x/ is /fr/x/ on the national site.
            prefix = ""
            first = path.split("/")[1] if path.count("/") > 1 else ""
            if first and supported(first):
                prefix = f"/{first}"
                path = path[len(prefix) :]
            root = next((root for root in roots if path.startswith(root)), None)
            if root is None:
                return url
            path = prefix + "/" + path[len(root) :]
        query = f"?{parts.query}" if parts.query else ""
        return f"{base}{path}{query}"

    return move


def canonical_url(request, page, url: str | None) -> str | None:
    move = national_addresses(request, page)
    return move(url) if move else url
