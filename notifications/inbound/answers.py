"""The emails email-in sends back: a polite refusal that says why nothing
was posted, or a notice that the attachments were not kept. Always to the
member's own address (never to an unknown sender: no backscatter), in the
member's language, marked as automatic so auto-responders stay quiet."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from ..emails import language_of

logger = logging.getLogger(__name__)


def _send(member, subject: str, template: str, context: dict) -> bool:
    if not member or not member.email:
        return False
    with translation.override(language_of(member)):
        context = {**context, "member": member, "site_url": settings.SITE_BASE_URL}
        body = render_to_string(f"notifications/email/{template}.txt", context)
        subject = str(subject() if callable(subject) else subject)
    message = EmailMessage(
        subject=subject,
        body=body,
        to=[member.email],
        headers={"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"},
    )
    try:
        message.send()
    except Exception:  # a mail server hiccup must not lose the record
        logger.exception("Could not answer inbound email of user %s", member.pk)
        return False
    return True


def send_refusal(member, reason, original_subject: str) -> bool:
    return _send(
        member,
        lambda: (
            _("Your email was not posted: %(subject)s")
            % {"subject": original_subject or _("(no subject)")}
        ),
        "inbound_refused",
        {"reason": reason, "original_subject": original_subject},
    )


def send_attachments_notice(member, url: str, names, original_subject: str) -> bool:
    return _send(
        member,
        lambda: (
            _("Posted, without its attachments: %(subject)s")
            % {"subject": original_subject or _("(no subject)")}
        ),
        "inbound_attachments",
        {"url": url, "names": list(names), "original_subject": original_subject},
    )
