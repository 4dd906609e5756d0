"""Where a national website and the network's own site are found."""

from urllib.parse import urlsplit

from django.conf import settings


def national_site_url(country) -> str:
    """`<iso>.<CHM_NATIONAL_DOMAIN>`, on the scheme and port of the network's
    own address (bj.localhost:8000 under `make run`)."""
    base = urlsplit(settings.SITE_BASE_URL)
    port = f":{base.port}" if base.port else ""
    host = f"{country.iso_code.lower()}.{settings.CHM_NATIONAL_DOMAIN}"
    return f"{base.scheme or 'https'}://{host}{port}/"


def network_url() -> str:
    """The network's own home page, for the "part of the CHM network" links."""
    return f"{settings.SITE_BASE_URL}/"
