"""Reply tokens: `reply+<token>@<CHM_INBOUND_DOMAIN>`.

A token names its member, the handler kind and the target (a topic, a
conversation) and when it was issued, signed with the site's secret key
(HMAC-SHA256, cut to 80 bits). It is written in lower-case base32, so it
survives mail systems that fold the case of addresses, and stays within the
64 characters RFC 5321 allows a local part (47 characters).

It is refused when forged or damaged, older than CHM_REPLY_TOKEN_MAX_AGE, or
revoked: one token at a time, or every token of a member issued until a
moment (`ReplyTokenRevocation`).
"""

import base64
import hashlib
import hmac
import time
from dataclasses import dataclass

from django.conf import settings
from django.utils.crypto import salted_hmac

PREFIX = "reply+"
VERSION = 1
SALT = "notifications.inbound.reply-token"
_MAC_BYTES = 10
_BODY_BYTES = 1 + 6 + 2 + 6 + 4


class InvalidToken(Exception):
    """A token that does not open anything. `reason` is forged, expired or
    revoked; `claim` is set when the signature was good (the member is known)."""

    def __init__(self, reason: str, claim: "TokenClaim | None" = None):
        self.reason = reason
        self.claim = claim
        super().__init__(reason)


@dataclass(frozen=True)
class TokenClaim:
    user_id: int
    kind: str
    target_id: int
    issued_at: int  # Unix seconds


def kind_code(kind: str) -> bytes:
    return hashlib.sha256(kind.encode()).digest()[:2]


def _mac(body: bytes, secret: str | None = None) -> bytes:
    return salted_hmac(SALT, body, secret=secret, algorithm="sha256").digest()[
        :_MAC_BYTES
    ]


def make_token(
    user_id: int, kind: str, target_id: int, now: float | None = None
) -> str:
    issued = int(now if now is not None else time.time())
    body = (
        bytes([VERSION])
        + int(user_id).to_bytes(6, "big")
        + kind_code(kind)
        + int(target_id).to_bytes(6, "big")
        + issued.to_bytes(4, "big")
    )
    raw = body + _mac(body)
    return base64.b32encode(raw).decode().rstrip("=").lower()


def reply_address(user_id: int, kind: str, target_id: int) -> str:
    return (
        f"{PREFIX}{make_token(user_id, kind, target_id)}@{settings.CHM_INBOUND_DOMAIN}"
    )


def _decode(token: str) -> bytes | None:
    token = token.strip().upper()
    if not token or len(token) > 64 or not token.isalnum():
        return None
    try:
        raw = base64.b32decode(token + "=" * (-len(token) % 8))
    except (ValueError, TypeError):
        return None
    return raw if len(raw) == _BODY_BYTES + _MAC_BYTES else None


def read_token(token: str, kinds: dict[bytes, str], now: float | None = None):
    """The claim of a good token; raises `InvalidToken` otherwise. `kinds`
    maps each registered kind's code to its name."""
    raw = _decode(token)
    if raw is None or raw[0] != VERSION:
        raise InvalidToken("forged")
    body, mac = raw[:_BODY_BYTES], raw[_BODY_BYTES:]
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    if not any(hmac.compare_digest(mac, _mac(body, secret)) for secret in secrets):
        raise InvalidToken("forged")
    kind = kinds.get(body[7:9])
    if kind is None:
        raise InvalidToken("forged")
    claim = TokenClaim(
        user_id=int.from_bytes(body[1:7], "big"),
        kind=kind,
        target_id=int.from_bytes(body[9:15], "big"),
        issued_at=int.from_bytes(body[15:19], "big"),
    )
    now = now if now is not None else time.time()
    if now - claim.issued_at > settings.CHM_REPLY_TOKEN_MAX_AGE:
        raise InvalidToken("expired", claim)
    from .models import ReplyTokenRevocation

    if ReplyTokenRevocation.objects.revoking(claim, digest(token)).exists():
        raise InvalidToken("revoked", claim)
    return claim


def digest(token: str) -> str:
    return hashlib.sha256(token.strip().lower().encode()).hexdigest()


def revoke_token(token: str, user_id: int) -> None:
    """This reply address stops working (others of the member still work)."""
    from .models import ReplyTokenRevocation

    ReplyTokenRevocation.objects.get_or_create(
        user_id=user_id, token_digest=digest(token)
    )


def revoke_all(user_id: int) -> None:
    """Every reply address issued to the member until now stops working; the
    next notification emails carry new ones."""
    from django.utils import timezone

    from .models import ReplyTokenRevocation

    ReplyTokenRevocation.objects.create(user_id=user_id, revoked_before=timezone.now())
