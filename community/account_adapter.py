"""allauth, told two things it would otherwise take from the request.

- The client's address, for its sign-in, sign-up and reset limits: from
  `core.client_address`, the one rule every rate limit of the site follows.
- The site's name and address in its emails: `CHM_SITE_NAME` and the host of
  `CHM_BASE_URL`. Without `django.contrib.sites` allauth names the site after
  the request's Host ("Hello from 127.0.0.1:8791!").
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.core.exceptions import PermissionDenied

from core.client_address import client_ip


@dataclass(frozen=True)
class SiteIdentity:
    """What allauth's email templates read as `current_site`."""

    name: str
    domain: str


def site_identity() -> SiteIdentity:
    return SiteIdentity(
        name=settings.CHM_SITE_NAME,
        domain=urlsplit(settings.SITE_BASE_URL).netloc,
    )


class AccountAdapter(DefaultAccountAdapter):
    def get_client_ip(self, request) -> str:
        ip = client_ip(request)
        if not ip:
            raise PermissionDenied("Unable to determine client IP address")
        return ip

    def render_mail(self, template_prefix, email, context, headers=None):
        context = {**context, "current_site": site_identity()}
        return super().render_mail(template_prefix, email, context, headers=headers)
