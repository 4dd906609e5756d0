"""Notification email: one notice at a time or a digest, each with a one-click
unsubscribe link (a signed token) and List-Unsubscribe headers."""

import logging
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext

from .models import EmailFrequency, Notification, NotificationSettings

logger = logging.getLogger(__name__)
UNSUBSCRIBE_SALT = "notifications.unsubscribe"


def unsubscribe_token(user) -> str:
    return signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT, compress=True)


def user_from_token(token: str):
    """The member a token was made for, or None if it is forged or damaged."""
    from django.contrib.auth import get_user_model

    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    return get_user_model().objects.filter(pk=data["u"]).first()


def absolute(url: str) -> str:
    return url if url.startswith("http") else f"{settings.SITE_BASE_URL}{url}"


def language_of(user) -> str:
    return getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE


def _send(
    user, subject: str, template: str, context: dict, reply_to: str | None = None
) -> bool:
    if not user.email:
        return False
    unsubscribe = absolute(
        reverse("notifications:unsubscribe", args=[unsubscribe_token(user)])
    )
    context = {
        **context,
        "user": user,
        "unsubscribe_url": unsubscribe,
        "settings_url": absolute(reverse("notifications:settings")),
        "site_url": settings.SITE_BASE_URL,
        "reply_by_email": bool(reply_to),
    }
    with translation.override(language_of(user)):
        text = render_to_string(f"notifications/email/{template}.txt", context)
        html = render_to_string(f"notifications/email/{template}.html", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        to=[user.email],
        reply_to=[reply_to] if reply_to else None,
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except Exception:  # a mail server hiccup must not break the fan-out
        logger.exception("Could not send notification email to user %s", user.pk)
        return False
    return True


def send_notification_email(notification: Notification) -> bool:
    """One notice; about a post or a message, it carries a Reply-To that
    posts the member's answer (notifications/inbound)."""
    from .inbound.reply_to import reply_address_for

    notification.url = absolute(notification.url)
    return _send(
        notification.recipient,
        notification.title,
        "notification",
        {"notification": notification},
        reply_to=reply_address_for(notification),
    )


DIGEST_PERIODS = {
    EmailFrequency.DAILY: timedelta(days=1),
    EmailFrequency.WEEKLY: timedelta(days=7),
}


def send_digests(now=None) -> int:
    """Send each daily/weekly member whose period has passed the unread
    notifications not emailed yet. Returns the number of emails sent."""
    now = now or timezone.now()
    sent = 0
    for frequency, period in DIGEST_PERIODS.items():
        due = (
            NotificationSettings.objects.filter(email_frequency=frequency)
            .filter(models_q_due(now - period))
            .select_related("user")
        )
        for setting in due.iterator():
            items = list(
                Notification.objects.for_user(setting.user)
                .unread()
                .filter(emailed_at__isnull=True)
                .order_by("id")[:100]
            )
            items = [item for item in items if setting.wants(item.kind, "email")]
            if items:
                for item in items:
                    item.url = absolute(item.url)
                with translation.override(language_of(setting.user)):
                    subject = ngettext(
                        "CHM Commons: %(count)s new notification",
                        "CHM Commons: %(count)s new notifications",
                        len(items),
                    ) % {"count": len(items)}
                if _send(setting.user, subject, "digest", {"items": items}):
                    Notification.objects.filter(pk__in=[i.pk for i in items]).update(
                        emailed_at=now
                    )
                    sent += 1
            NotificationSettings.objects.filter(pk=setting.pk).update(
                last_digest_at=now
            )
    return sent


def models_q_due(before):
    from django.db.models import Q

    return Q(last_digest_at__isnull=True) | Q(last_digest_at__lte=before)
