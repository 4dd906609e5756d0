"""The records of email in: each inbound message's outcome, for the
Secretariat, and revoked reply addresses."""

from datetime import UTC, datetime

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class InboundMessage(models.Model):
    """One message to an inbound address and what became of it. Headers and
    the outcome only: the body is posted or dropped, never kept here."""

    class Outcome(models.TextChoices):
        POSTED = "posted", _("Posted")
        HELD = "held", _("Posted, waiting for a moderator")
        REFUSED = "refused", _("Refused")
        TOO_LARGE = "too-large", _("Refused: too large")
        IGNORED = "ignored", _("Ignored (automatic or repeated)")
        FAILED = "failed", _("Failed (will be retried by the sender)")

    received_at = models.DateTimeField(_("received"), db_index=True)
    processed_at = models.DateTimeField(_("processed"), null=True, blank=True)
    envelope_from = models.CharField(_("envelope sender"), max_length=254, blank=True)
    sender = models.CharField(_("from"), max_length=254, blank=True)
    recipient = models.CharField(_("to"), max_length=254)
    subject = models.CharField(_("subject"), max_length=300, blank=True)
    message_id = models.CharField(
        _("message ID"), max_length=255, blank=True, db_index=True
    )
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("member"),
    )
    handler = models.CharField(_("for"), max_length=20, blank=True)
    target_id = models.PositiveBigIntegerField(_("target"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=12, choices=Outcome.choices, db_index=True
    )
    reason = models.CharField(_("reason"), max_length=500, blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    attachments_dropped = models.PositiveSmallIntegerField(
        _("attachments dropped"), default=0
    )
    answered = models.BooleanField(_("member told by email"), default=False)

    class Meta:
        ordering = ["-id"]
        verbose_name = _("inbound email")
        verbose_name_plural = _("inbound emails")

    def __str__(self) -> str:
        return f"{self.sender or self.envelope_from} → {self.recipient}: {self.outcome}"


class RevocationQuerySet(models.QuerySet):
    def revoking(self, claim, token_digest: str):
        issued = datetime.fromtimestamp(claim.issued_at, tz=UTC)
        return self.filter(user_id=claim.user_id).filter(
            Q(token_digest=token_digest) | Q(revoked_before__gte=issued)
        )


class ReplyTokenRevocation(models.Model):
    """A reply address (by its token's digest) or every address of a member
    issued until `revoked_before`, which no longer works."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("member"),
    )
    token_digest = models.CharField(max_length=64, blank=True)
    revoked_before = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = RevocationQuerySet.as_manager()

    class Meta:
        verbose_name = _("revoked reply address")
        verbose_name_plural = _("revoked reply addresses")
        indexes = [models.Index(fields=["user", "token_digest"])]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.token_digest[:8] or self.revoked_before}"
