"""Signing in on a national site: a hand-off through the network's site.

A session cookie for the parent domain (SESSION_COOKIE_DOMAIN) would not
reach a country's own domain (chm.gouv.bj), and browsers refuse one for
`localhost`, so a national site signs its members in through the network:

1. the national site's sign-in link leads to the network's hand-off view,
   naming where to come back (`next`, a national address or approved domain,
   never another site);
2. there the member signs in if they have not already, and gets a token:
   signed, valid for a minute, for that host only, usable once;
3. the national site's completion view checks it and signs the member in on
   that host (a session of its own, which signing out there ends).
"""

import secrets
from urllib.parse import urlsplit

from django.contrib.auth import get_user_model
from django.core import signing
from django.core.cache import cache

from .hosting import hostname_of, is_national_host

SALT = "national.sign-in-handoff"
MAX_AGE = 60


class HandoffRefused(Exception):
    pass


def allowed_return(url: str) -> bool:
    """`url` is an absolute address on a national site (no open redirect)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return (
        parts.scheme in {"http", "https"}
        and bool(parts.hostname)
        and "\\" not in url
        and is_national_host(parts.hostname)
    )


def issue_token(user, host: str) -> str:
    nonce = secrets.token_urlsafe(16)
    cache.set(f"national:handoff:{nonce}", user.pk, MAX_AGE * 2)
    return signing.dumps({"u": user.pk, "h": host.lower(), "n": nonce}, salt=SALT)


def redeem_token(token: str, raw_host: str):
    """The member the token signs in at this host; refuses a forged, expired,
    reused token or one issued for another host."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature as error:
        raise HandoffRefused("bad or expired token") from error
    if data.get("h") != hostname_of(raw_host).lower():
        raise HandoffRefused("token for another host")
    # Deleting the nonce is the single use: only the first delete finds it.
    if not cache.delete(f"national:handoff:{data.get('n')}"):
        raise HandoffRefused("token already used")
    user = get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()
    if user is None:
        raise HandoffRefused("no such member")
    return user
