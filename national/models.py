"""National CHM websites: a country's space served as a site of its own."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class DomainClaimQuerySet(models.QuerySet):
    def standing(self):
        """Claims that hold their hostname: asked or approved, not refused."""
        return self.exclude(status=DomainClaim.Status.REFUSED)

    def approved(self):
        return self.filter(status=DomainClaim.Status.APPROVED)


class DomainClaim(models.Model):
    """A country's claim to a domain of its own (chm.gouv.bj) for its
    national website, asked by a focal point and decided by the Secretariat.
    An approved claim makes that host serve the country's site."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    country = models.ForeignKey(
        "community.CountryPage",
        verbose_name=_("country"),
        on_delete=models.CASCADE,
        related_name="domain_claims",
    )
    hostname = models.CharField(_("domain"), max_length=253)
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.REQUESTED
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    objects = DomainClaimQuerySet.as_manager()

    class Meta:
        verbose_name = _("domain claim")
        verbose_name_plural = _("domain claims")
        ordering = ["-requested_at"]
        constraints = [
            # A domain is held by one claim at a time: a refused claim frees it.
            models.UniqueConstraint(
                fields=["hostname"],
                condition=~Q(status="refused"),
                name="national_domain_claim_one_standing_per_hostname",
            )
        ]

    def __str__(self) -> str:
        return self.hostname
