"""Per-client rate limits for the read API, on the shared cache.

The same client identity and rate syntax as the sign-in limits (allauth's
`ACCOUNT_RATE_LIMITS`, e.g. "120/m"), but a fixed-window counter: `cache.add`
then `cache.incr` are atomic on Redis, so every server process counts the
same requests, and a request costs one round trip instead of a locked list.
"""

import time
from dataclasses import dataclass

from allauth.account.adapter import get_adapter
from allauth.core.internal.ratelimit import parse_rate, truncate_ip
from django.core.cache import cache
from django.core.exceptions import PermissionDenied


@dataclass(frozen=True)
class Limit:
    amount: int
    window: int
    count: int
    retry_after: int

    @property
    def exceeded(self) -> bool:
        return self.count > self.amount


def client_key(request) -> str:
    """The client's address as allauth sees it (proxy-aware, IPv6 by prefix)."""
    try:
        return truncate_ip(get_adapter().get_client_ip(request))
    except PermissionDenied:  # no address at all: such clients share one bucket
        return "unknown"


def hit(client: str, rate: str) -> Limit:
    parsed = parse_rate(rate)
    window = max(1, int(parsed.duration))
    now = int(time.time())
    bucket = now // window
    key = f"interop:rate:{client}:{window}:{bucket}"
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window + 1)
        count = 1
    retry_after = max(1, (bucket + 1) * window - now)
    return Limit(parsed.amount, window, count, retry_after)
