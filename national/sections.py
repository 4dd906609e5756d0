"""What this app adds to a country's page (community.sections): the guided
start for its focal points, the link to its national website, and, on the
network's own site, the menu of its national pages."""

from .access import can_start_national_site
from .addresses import national_site_url
from .hosting import national_country
from .menus import national_menu
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
    """The hosted national website, once published (no query)."""
    published = page.national_site_published_at is not None
    return {"hosted_site_url": national_site_url(page) if published else ""}


def menu_context(request, page) -> dict:
    """The country's national pages, as a local menu on the network's site;
    on the national site itself the header carries them."""
    if national_country(request) is not None:
        return {"national_pages": []}
    return {"national_pages": national_menu(page)}
