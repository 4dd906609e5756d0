"""A country's claim to a domain of its own: asked by a focal point, decided
by the Secretariat. An approved claim makes the host serve the country's
site; a refused one frees the name."""

import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from community.national_spaces import is_focal_point
from community.roles import has_staff_powers

from .hosting import is_main_host, national_domain
from .models import DomainClaim

LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")


def normalise_hostname(value: str) -> str:
    return (value or "").strip().lower().rstrip(".")


def check_hostname(hostname: str, country=None) -> None:
    """A domain a country may claim: a valid DNS name of at least two labels,
    not under the national domain nor the network's own host, and not held
    by another standing claim."""
    labels = hostname.split(".")
    if (
        len(hostname) > 253
        or len(labels) < 2
        or not all(LABEL.match(label) for label in labels)
        or labels[-1].isdigit()
    ):
        raise ValidationError(
            _("Enter a domain name such as chm.gouv.bj."), code="invalid"
        )
    domain = national_domain()
    if hostname == domain or hostname.endswith(f".{domain}") or is_main_host(hostname):
        raise ValidationError(
            _("This address belongs to the network; claim a domain of your own."),
            code="network",
        )
    if DomainClaim.objects.standing().filter(hostname=hostname).exists():
        raise ValidationError(_("This domain has already been claimed."), code="taken")


def request_domain(user, country, hostname: str) -> DomainClaim:
    """A focal point of `country` asks for `hostname`."""
    if not is_focal_point(user, country):
        raise PermissionDenied
    hostname = normalise_hostname(hostname)
    check_hostname(hostname, country)
    try:
        with transaction.atomic():
            return DomainClaim.objects.create(
                country=country, hostname=hostname, requested_by=user
            )
    except IntegrityError:
        raise ValidationError(
            _("This domain has already been claimed."), code="taken"
        ) from None


def decide(user, claim: DomainClaim, status: str) -> DomainClaim:
    """The Secretariat approves or refuses a claim."""
    if not (
        user.is_authenticated
        and (user.is_staff or user.is_superuser)
        and has_staff_powers(user)
    ):
        raise PermissionDenied
    if status not in {DomainClaim.Status.APPROVED, DomainClaim.Status.REFUSED}:
        raise ValidationError(_("Choose approve or refuse."), code="invalid")
    claim.status = status
    claim.decided_by = user
    claim.decided_at = timezone.now()
    if status == DomainClaim.Status.APPROVED:
        # One approved domain per country: approving another retires the first.
        DomainClaim.objects.approved().filter(country=claim.country).exclude(
            pk=claim.pk
        ).update(status=DomainClaim.Status.REFUSED, decided_by=user)
    claim.save()
    return claim
