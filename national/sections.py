"""The national website panel on a country's page, for those who manage it."""

from community.national_spaces import is_focal_point

from .hosting import canonical_address
from .models import DomainClaim


def country_domain_context(request, country) -> dict:
    claims = list(DomainClaim.objects.filter(country=country).standing()[:3])
    pending = any(claim.status == DomainClaim.Status.REQUESTED for claim in claims)
    return {
        "national_site": {
            "address": canonical_address(country),
            "claims": claims,
            "can_claim": is_focal_point(request.user, country) and not pending,
        }
    }
