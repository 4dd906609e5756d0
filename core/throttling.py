"""One fixed-window rate limit on the shared cache, for every abuse limit.

The same client identity and rate syntax as the sign-in limits (allauth's
`ACCOUNT_RATE_LIMITS`, e.g. "120/m", "5/h"), but a fixed-window counter:
`cache.add` then `cache.incr` are atomic on Redis, so every server process
counts the same requests, a burst of concurrent requests lets exactly the
allowed number through, and a request costs one round trip.

Used by the read API (interop/middleware.py), search, toolkit proposals; the
forum and messaging keep their interval checks (`cache.add`) beside it.

Rates are read here (`parse_rate`) and IPv6 clients are counted by prefix
(`truncate_ip`, allauth's setting ALLAUTH_RATE_LIMIT_IPV6_PREFIX, 64 bits by
default), so nothing depends on allauth's private modules; allauth's public
rate limit API (`allauth.core.ratelimit.consume`) counts with a lock around a
read-then-write, which a burst could race, so it is not used for these limits.
"""

import ipaddress
import time
from dataclasses import dataclass
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from .client_address import client_ip

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class Rate:
    amount: int
    duration: float


def parse_rate(rate: str) -> Rate:
    """ "120/m", "5/h", "10/5m": the syntax of allauth's ACCOUNT_RATE_LIMITS
    (a third part, what the rate is counted per, is accepted and ignored)."""
    parts = rate.split("/")
    if len(parts) not in (2, 3) or not parts[1]:
        raise ValueError(rate)
    amount, duration = parts[0], parts[1]
    unit, value = duration[-1], duration[:-1]
    if unit not in UNITS:
        raise ValueError(f"Invalid duration unit: {unit}")
    return Rate(int(amount), (float(value) if value else 1) * UNITS[unit])


def truncate_ip(ip: str) -> str:
    """An IPv6 address as its network prefix (a client holds a whole prefix,
    so rotating addresses within it does not escape a limit); IPv4 as is."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if isinstance(address, ipaddress.IPv6Address):
        prefix = getattr(settings, "ALLAUTH_RATE_LIMIT_IPV6_PREFIX", 64)
        network = ipaddress.IPv6Network(f"{address}/{prefix}", strict=False)
        return str(network.network_address)
    return ip


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
    """The client's address (`core.client_address`: only trusted proxies'
    X-Forwarded-For is read), IPv6 by prefix as allauth counts it."""
    ip = client_ip(request)
    # No address at all (an untrusted Unix-socket peer): such clients share
    # one bucket.
    return truncate_ip(ip) if ip else "unknown"


def requester_key(request) -> str:
    """A signed-in member is counted as themselves (wherever they are), anyone
    else by address."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    return f"ip:{client_key(request)}"


def hit(client: str, rate: str, scope: str = "interop") -> Limit:
    """Count one request of `client` in `scope` and say whether it is over."""
    parsed = parse_rate(rate)
    window = max(1, int(parsed.duration))
    now = int(time.time())
    bucket = now // window
    key = f"{scope}:rate:{client}:{window}:{bucket}"
    cache.add(key, 0, timeout=window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window + 1)
        count = 1
    retry_after = max(1, (bucket + 1) * window - now)
    return Limit(parsed.amount, window, count, retry_after)


def too_many_requests(request, limit: Limit):
    """The site's 429 page, with Retry-After."""
    response = render(
        request, "429.html", {"retry_after": limit.retry_after}, status=429
    )
    response["Retry-After"] = str(limit.retry_after)
    return response


def rate_limited(scope: str, setting: str, methods=("GET", "HEAD", "POST")):
    """View decorator: at most `settings.<setting>` requests per requester."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in methods:
                limit = hit(requester_key(request), getattr(settings, setting), scope)
                if limit.exceeded:
                    return too_many_requests(request, limit)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def _unprefixed(path: str) -> str:
    """/fr/accounts/login/ → /accounts/login/ (any site language)."""
    first, _slash, rest = path.lstrip("/").partition("/")
    if first in {code for code, _name in settings.LANGUAGES}:
        return "/" + rest
    return path


class PostRateLimitMiddleware:
    """Per-address limits on POSTs to the account forms (sign-up, sign-in,
    password reset), counted atomically before allauth sees the request.

    allauth's own limits (ACCOUNT_RATE_LIMITS) stay behind this one: they
    lock an account after failed attempts, but count with a read-then-write
    on the cache, so a concurrent burst could slip past them; this counter
    cannot be raced.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST":
            rate = settings.CHM_POST_RATE_LIMITS.get(_unprefixed(request.path_info))
            if rate:
                scope = "post:" + _unprefixed(request.path_info).strip("/")
                limit = hit(client_key(request), rate, scope)
                if limit.exceeded:
                    return too_many_requests(request, limit)
        return self.get_response(request)
