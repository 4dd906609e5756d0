"""Web Push: the member's devices, and the pushes sent to them.

A device is a browser's push subscription (`PushSubscription`), stored when the
member presses "Notify me on this device" on their settings page. After
`delivery.deliver()` stores notifications, the task `tasks.push_notifications`
sends the member's devices one push for what is new, signed with the site's
VAPID key pair (CHM_VAPID_PUBLIC_KEY, CHM_VAPID_PRIVATE_KEY).

- Privacy: the encrypted payload holds the notification's title and link and
  nothing else; the page behind the link shows the rest to whoever may read it.
- Bursts: a member hears at most one push per CHM_PUSH_BATCH_SECONDS. What
  arrives in between is held and summed up in one later push ("3 new
  notifications", linking to the list); with a worker backend that push is a
  deferred task at the end of the window, otherwise the next push carries it.
  Each push also carries the same `Topic`, so a push service holding an
  undelivered one for an offline phone replaces it rather than queueing both.
- Channels: only kinds the member leaves on for "push" (NotificationSettings).
- A device the push service no longer knows (404 or 410) is removed.
- The endpoint is an address a browser gave: it must be https on a public
  host (CHM_PUSH_ALLOW_PRIVATE lifts the public-host rule for tests and
  `make run`), checked when stored and again before each send, and a redirect
  is never followed.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import timedelta
from urllib.parse import urlsplit

import requests
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import ngettext
from py_vapid import Vapid, VapidException
from pywebpush import WebPushException, webpush

from core import outbound

from .emails import language_of
from .models import Notification, NotificationSettings, PushSubscription

logger = logging.getLogger(__name__)

# Most devices one member may keep; a new one beyond it replaces the oldest.
MAX_DEVICES = 10
# How long a push service keeps a push for a device that is offline.
TTL_SECONDS = 24 * 3600
SEND_TIMEOUT = 10
# One topic for every push: a newer push replaces an undelivered older one.
TOPIC = "chm-notifications"
GONE = {404, 410}
KEY = re.compile(r"^[A-Za-z0-9_-]+={0,2}$")


class BadSubscription(ValueError):
    """What the browser sent is not a push subscription this site accepts."""


def is_configured() -> bool:
    return bool(settings.CHM_VAPID_PUBLIC_KEY and settings.CHM_VAPID_PRIVATE_KEY)


def signer() -> Vapid | None:
    """The VAPID key that signs pushes, or None (logged) when the private key
    or the subject cannot sign: then nothing is marked as pushed."""
    try:
        vapid = Vapid.from_string(settings.CHM_VAPID_PRIVATE_KEY)
        vapid.sign({"sub": settings.CHM_VAPID_SUBJECT, "aud": "https://check.invalid"})
    except (VapidException, ValueError, TypeError) as error:
        logger.error("Web Push is misconfigured (CHM_VAPID_*): %s", error)
        return None
    return vapid


def check_endpoint(endpoint: str) -> None:
    """Refuse an endpoint that is not plainly an https address of a public
    host: the server posts to it, so it must not reach the site's network."""
    allow_private = settings.CHM_PUSH_ALLOW_PRIVATE
    if not isinstance(endpoint, str) or len(endpoint) > 1000:
        raise BadSubscription("endpoint")
    scheme = urlsplit(endpoint).scheme
    if scheme != "https" and not (allow_private and scheme == "http"):
        raise BadSubscription("endpoint")
    try:
        outbound.check_url(endpoint, allow_private=allow_private)
    except outbound.OutboundError as error:
        raise BadSubscription("endpoint") from error


def device_label(user_agent: str) -> str:
    """A short name for the device, from its User-Agent: "Firefox on Android"."""
    agent = user_agent or ""
    browser = next(
        (
            name
            for token, name in (
                ("Edg/", "Edge"),
                ("OPR/", "Opera"),
                ("SamsungBrowser", "Samsung Internet"),
                ("Firefox/", "Firefox"),
                ("Chrome/", "Chrome"),
                ("Chromium/", "Chromium"),
                ("Safari/", "Safari"),
            )
            if token in agent
        ),
        "",
    )
    system = next(
        (
            name
            for token, name in (
                ("Android", "Android"),
                ("iPhone", "iPhone"),
                ("iPad", "iPad"),
                ("Windows", "Windows"),
                ("Mac OS X", "macOS"),
                ("CrOS", "ChromeOS"),
                ("Linux", "Linux"),
            )
            if token in agent
        ),
        "",
    )
    if browser and system:
        return f"{browser} · {system}"
    return browser or system


def subscribe(user, data: dict, user_agent: str = "") -> PushSubscription:
    """Store (or move to `user`) the browser's subscription `data`, the JSON
    of PushSubscription.toJSON(): {"endpoint", "keys": {"p256dh", "auth"}}."""
    if not isinstance(data, dict) or not isinstance(data.get("keys"), dict):
        raise BadSubscription("shape")
    endpoint = data.get("endpoint")
    p256dh = data["keys"].get("p256dh")
    auth = data["keys"].get("auth")
    for key, longest in ((p256dh, 200), (auth, 100)):
        if not isinstance(key, str) or not KEY.match(key) or len(key) > longest:
            raise BadSubscription("keys")
    check_endpoint(endpoint)
    with transaction.atomic():
        # One browser, one row: signing in as someone else moves the device.
        device, _created = PushSubscription.objects.update_or_create(
            endpoint=endpoint,
            defaults={
                "user": user,
                "p256dh": p256dh,
                "auth": auth,
                "label": device_label(user_agent)[:100],
            },
        )
        extra = PushSubscription.objects.for_user(user).values_list("pk", flat=True)[
            MAX_DEVICES:
        ]
        PushSubscription.objects.filter(pk__in=list(extra)).delete()
    return device


def remove_device(user, pk: int | None = None, endpoint: str | None = None) -> int:
    """Forget one of the member's devices, by id or by endpoint."""
    devices = PushSubscription.objects.for_user(user)
    if pk is not None:
        devices = devices.filter(pk=pk)
    elif endpoint:
        devices = devices.filter(endpoint=endpoint)
    else:
        return 0
    deleted, _rows = devices.delete()
    return deleted


@dataclass(frozen=True)
class Push:
    title: str
    url: str

    def as_json(self) -> str:
        # The title and the link, nothing more: see the module docstring.
        return json.dumps({"title": self.title, "url": self.url})


def summary_for(rows: list[Notification], user) -> Push:
    """One row: its own title and link; several: their count, and the list."""
    if len(rows) == 1:
        return Push(rows[0].title, rows[0].url)
    with translation.override(language_of(user)):
        title = ngettext(
            "%(count)s new notification", "%(count)s new notifications", len(rows)
        ) % {"count": len(rows)}
        return Push(title, reverse("notifications:list"))


def push_pending(user_id: int) -> int:
    """Send the member's devices one push for the notifications not pushed
    yet, or hold them when a push went out less than a batch window ago.
    Returns how many devices received it."""
    if not is_configured():
        return 0
    if not PushSubscription.objects.filter(user_id=user_id).exists():
        return 0
    vapid = signer()
    if vapid is None:
        return 0
    window = timedelta(seconds=settings.CHM_PUSH_BATCH_SECONDS)
    with transaction.atomic():
        prefs, _created = (
            NotificationSettings.objects.select_for_update().get_or_create(
                user_id=user_id
            )
        )
        rows = list(
            Notification.objects.filter(
                recipient_id=user_id, pk__gt=prefs.pushed_through_id
            )
            .unread()
            .select_related("recipient")
            .order_by("pk")
        )
        wanted = [row for row in rows if prefs.wants(row.kind, "push")]
        if not wanted:
            return 0
        now = timezone.now()
        if prefs.last_push_at and now - prefs.last_push_at < window:
            hold(user_id, prefs.last_push_at + window)
            return 0
        prefs.last_push_at = now
        prefs.pushed_through_id = rows[-1].pk
        prefs.save(update_fields=["last_push_at", "pushed_through_id"])
    return send(user_id, summary_for(wanted, wanted[0].recipient), vapid)


def hold(user_id: int, until) -> None:
    """Run push_pending again when the window ends, once per window, where
    the task backend can defer; otherwise the member's next push carries it."""
    from .tasks import push_notifications

    backend = push_notifications.get_backend()
    if not backend.supports_defer:
        return
    seconds = max(1, int((until - timezone.now()).total_seconds()) + 1)
    if cache.add(f"push-held:{user_id}", 1, timeout=seconds):
        push_notifications.using(run_after=until).enqueue(user_id)


def send(user_id: int, push: Push, vapid: Vapid) -> int:
    """Post `push` to each of the member's devices; forget those gone."""
    session = requests.Session()
    session.trust_env = False  # no proxy from the environment
    session.max_redirects = 0  # a redirect raises, never followed
    sent = []
    gone = []
    for device in PushSubscription.objects.filter(user_id=user_id):
        try:
            check_endpoint(device.endpoint)
            webpush(
                device.as_subscription_info(),
                data=push.as_json(),
                vapid_private_key=vapid,
                vapid_claims={"sub": settings.CHM_VAPID_SUBJECT},
                ttl=TTL_SECONDS,
                timeout=SEND_TIMEOUT,
                headers={"Topic": TOPIC, "Urgency": "normal"},
                requests_session=session,
            )
        except WebPushException as error:
            status = getattr(error.response, "status_code", None)
            if status in GONE:
                gone.append(device.pk)
            else:
                logger.warning("Push to device %s failed: %s", device.pk, status)
            continue
        except (BadSubscription, requests.RequestException, ValueError) as error:
            logger.warning(
                "Push to device %s failed: %s", device.pk, type(error).__name__
            )
            continue
        sent.append(device.pk)
    session.close()
    if gone:
        PushSubscription.objects.filter(pk__in=gone).delete()
    if sent:
        PushSubscription.objects.filter(pk__in=sent).update(last_used_at=timezone.now())
    return len(sent)
