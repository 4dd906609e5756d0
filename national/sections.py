"""What this app adds to a country's page (community.sections): the guided
start and the domain claims for those who manage it, the link to its
national website, and, on the network's own site, the menu of its national
pages."""

from community.national_spaces import is_focal_point

from .access import can_start_national_site
from .hosting import canonical_address, national_country, national_site_url
from .menus import national_menu
from .models import DomainClaim
from .starting import has_started


def start_context(request, page) -> dict:
    """For those who manage the country (two queries)."""
    if not can_start_national_site(request.user, page):
        return {"national_start": None}
    return {
        "national_start": {
            "started": has_started(page),
            "own_website": page.national_website,
        }
    }


def site_link_context(request, page) -> dict:
    """The hosted national website, once published (no query; the approved
    domains are cached)."""
    published = page.national_site_published_at is not None
    return {"hosted_site_url": national_site_url(page) if published else ""}


def menu_context(request, page) -> dict:
    """The country's national pages, as a local menu on the network's site;
    on the national site itself the header carries them."""
    if national_country(request) is not None:
        return {"national_pages": []}
    return {"national_pages": national_menu(page)}


def country_domain_context(request, country) -> dict:
    """The country's addresses and its domain claims (one query)."""
    claims = list(DomainClaim.objects.filter(country=country).standing()[:3])
    pending = any(claim.status == DomainClaim.Status.REQUESTED for claim in claims)
    return {
        "national_site": {
            "address": canonical_address(country),
            "claims": claims,
            "can_claim": is_focal_point(request.user, country) and not pending,
        }
    }
