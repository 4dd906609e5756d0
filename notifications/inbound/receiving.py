"""One inbound message, from the bytes the server received to a post or a
polite refusal, with its outcome recorded (`InboundMessage`).

`receive()` answers with the SMTP status the server gives the sending MTA:
250 once the message is dealt with (posted, or refused and the member told
by email), 550 when it was refused and nobody could be told, 451 when
something broke on our side (the MTA tries again later).
"""

import logging
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.refusals import Refusal

from ..emails import language_of
from . import answers, registry
from .mail import Mail, read_mail
from .models import InboundMessage
from .stripping import strip_reply
from .tokens import PREFIX, InvalidToken, kind_code, read_token

logger = logging.getLogger(__name__)
Outcome = InboundMessage.Outcome


@dataclass
class Result:
    status: str
    record: InboundMessage


def split_address(address: str) -> tuple[str, str]:
    local, _at, domain = (address or "").strip().strip("<>").rpartition("@")
    return local.lower(), domain.lower().rstrip(".")


def is_ours(address: str) -> bool:
    """An address this server answers for: our domain, and a reply token or
    an address some handler recognises."""
    domain = settings.CHM_INBOUND_DOMAIN
    local, their_domain = split_address(address)
    if not domain or their_domain != domain or not local:
        return False
    return local.startswith(PREFIX) or registry.handler_for_address(local) is not None


def member_with_address(address: str):
    """The active member who verified `address`, if any."""
    if not address:
        return None
    found = (
        EmailAddress.objects.filter(email__iexact=address, verified=True)
        .select_related("user")
        .first()
    )
    return found.user if found and found.user.is_active else None


def addresses_of(member) -> set[str]:
    known = {
        email.lower()
        for email in EmailAddress.objects.filter(
            user=member, verified=True
        ).values_list("email", flat=True)
    }
    if member.email:
        known.add(member.email.lower())
    return known


def _kinds() -> dict[bytes, str]:
    return {kind_code(handler.kind): handler.kind for handler in registry.handlers()}


class _Refused(Exception):
    """Nothing is posted; `member` (if known) is told `reason` by email."""

    def __init__(self, reason, member=None, outcome=Outcome.REFUSED, tell=True):
        self.reason = reason
        self.member = member
        self.outcome = outcome
        self.tell = tell
        super().__init__(str(reason))


def receive(envelope_from: str, recipient: str, data: bytes) -> Result:
    record = InboundMessage(
        received_at=timezone.now(),
        envelope_from=(envelope_from or "")[:254],
        recipient=(recipient or "")[:254],
        size=len(data),
    )
    try:
        status = _process(record, envelope_from, recipient, data)
    except _Refused as refusal:
        status = _refuse(record, refusal)
    except Exception:
        logger.exception("Inbound email to %s failed", recipient)
        record.outcome = Outcome.FAILED
        record.reason = _("An error on our side; the sender's server will retry.")
        status = "451 4.3.0 Temporary failure, please try again later"
    record.processed_at = timezone.now()
    record.save()
    return Result(status, record)


def record_too_large(envelope_from: str, recipient: str, size: int) -> Result:
    """A message the server stopped reading at the size limit: recorded, and
    the member a reply address belongs to is told."""
    record = InboundMessage(
        received_at=timezone.now(),
        envelope_from=(envelope_from or "")[:254],
        recipient=(recipient or "")[:254],
        size=size,
    )
    member = None
    local, _domain = split_address(recipient)
    if local.startswith(PREFIX):
        try:
            claim = read_token(local[len(PREFIX) :], _kinds())
        except InvalidToken as error:
            claim = error.claim
        if claim is not None:
            member = get_user_model().objects.filter(pk=claim.user_id).first()
    with translation.override(language_of(member) if member else None):
        reason = _(
            "Your email is larger than %(size)s MB, the most we accept. "
            "Send the text alone, without attachments."
        ) % {"size": max(1, settings.CHM_INBOUND_MAX_BYTES // (1024 * 1024))}
    _refuse(record, _Refused(reason, member, Outcome.TOO_LARGE))
    record.processed_at = timezone.now()
    record.save()
    return Result("552 5.3.4 Message too big", record)


def _refuse(record: InboundMessage, refusal: _Refused) -> str:
    record.outcome = refusal.outcome
    record.reason = str(refusal.reason)[:500]
    record.member = refusal.member
    if refusal.tell and refusal.member is not None:
        record.answered = answers.send_refusal(
            refusal.member, record.reason, record.subject
        )
    if record.answered or not refusal.tell:
        return "250 2.0.0 Message handled"
    return f"550 5.7.1 {_ascii(record.reason)}"


def _ascii(text: str) -> str:
    return text.encode("ascii", errors="replace").decode()[:200]


def _process(record, envelope_from, recipient, data: bytes) -> str:
    if len(data) > settings.CHM_INBOUND_MAX_BYTES:
        raise _Refused(_("This email is too large."), outcome=Outcome.TOO_LARGE)
    local, domain = split_address(recipient)
    if not settings.CHM_INBOUND_DOMAIN or domain != settings.CHM_INBOUND_DOMAIN:
        raise _Refused(_("This address does not exist."))
    mail = read_mail(data, envelope_from)
    record.sender = mail.sender[:254]
    record.subject = mail.subject
    record.message_id = mail.message_id
    record.attachments_dropped = min(len(mail.attachments), 32767)
    if mail.automatic:
        raise _Refused(
            _("An automatic message: not posted."), outcome=Outcome.IGNORED, tell=False
        )
    if (
        mail.message_id
        and InboundMessage.objects.filter(
            message_id=mail.message_id,
            recipient__iexact=recipient,
            outcome__in=[Outcome.POSTED, Outcome.HELD],
        ).exists()
    ):
        raise _Refused(_("Already posted."), outcome=Outcome.IGNORED, tell=False)
    if local.startswith(PREFIX):
        member, handler, target = _reply_target(local[len(PREFIX) :], mail)
        action = handler.reply
    else:
        member, handler, target = _address_target(local, mail)
        action = handler.start
    record.member, record.handler, record.target_id = member, handler.kind, target
    with translation.override(language_of(member)):
        text = strip_reply(mail.text)
        if not text:
            raise _Refused(_("We found no text to post in your email."), member)
        content = registry.InboundContent(
            subject=mail.subject,
            text=text,
            language=translation.get_language(),
            attachments=tuple(mail.attachments),
        )
        try:
            posted = action(member, target, content)
        except Refusal as refusal:
            raise _Refused(str(refusal.message), member) from refusal
    record.outcome = Outcome.HELD if posted.held else Outcome.POSTED
    record.url = posted.url[:500]
    if mail.attachments:
        record.answered = answers.send_attachments_notice(
            member, _absolute(posted.url), mail.attachments, mail.subject
        )
    return "250 2.0.0 Posted"


def _absolute(url: str) -> str:
    return url if url.startswith("http") else f"{settings.SITE_BASE_URL}{url}"


def _reply_target(token: str, mail: Mail):
    try:
        claim = read_token(token, _kinds())
    except InvalidToken as error:
        if error.claim is None:  # forged: tell the sender only if we know them
            raise _Refused(
                _("This reply address is not valid: it was changed or never existed."),
                member_with_address(mail.sender),
            ) from error
        owner = get_user_model().objects.filter(pk=error.claim.user_id).first()
        if error.reason == "expired":
            reason = _(
                "This reply address has expired. Reply from the latest "
                "notification email, or on the site."
            )
        else:
            reason = _("This reply address was withdrawn.")
        raise _Refused(reason, owner) from error
    member = get_user_model().objects.filter(pk=claim.user_id).first()
    if member is None or not member.is_active:
        raise _Refused(_("This reply address is not valid."))
    if mail.sender not in addresses_of(member):
        raise _Refused(
            _(
                "An email from %(sender)s was sent to your personal reply address. "
                "Only emails from your own address are posted."
            )
            % {"sender": mail.sender or _("an unknown sender")},
            member,
        )
    handler = registry.get_handler(claim.kind)
    if handler is None or handler.reply is None:
        raise _Refused(_("This reply address is not valid."), member)
    return member, handler, claim.target_id


def _address_target(local: str, mail: Mail):
    found = registry.handler_for_address(local)
    if found is None:
        raise _Refused(
            _("This address does not exist."), member_with_address(mail.sender)
        )
    handler, target = found
    member = member_with_address(mail.sender)
    if member is None:
        # Unknown or unverified sender: nobody to tell.
        raise _Refused(
            _("Only members with a verified email address can post by email.")
        )
    if mail.dmarc and mail.dmarc != "pass":
        raise _Refused(
            _(
                "Your email did not pass the checks that show it really comes "
                "from your address (DMARC), so it was not posted."
            ),
            member,
        )
    return member, handler, target
