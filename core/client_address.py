"""The address of the client behind a request: the one place that decides it.

Every rate limit (the site's own counters in `core.throttling`, allauth's
sign-in, sign-up and password-reset limits through the account adapter) asks
`client_ip`. `X-Forwarded-For` is written by whoever sends the request, so it
is read only when the immediate peer is a proxy listed in
`CHM_TRUSTED_PROXIES`, and then from the right: each trusted proxy appends the
address it saw, so the right-most hop that is not one of ours is the client.
Whatever a client writes into the header lands to the left of that hop and is
never read.

`CHM_TRUSTED_PROXIES` holds IP addresses and networks (`127.0.0.1`,
`10.0.0.0/8`, `::1`) and the word `unix` for a peer on a Unix socket (which
has no address: nginx in front of daphne -u). Empty, the default, trusts no
proxy: the peer's own address is the client's.

Hand-written with the standard library rather than django-ipware or
django-xff: ipware reads a list of client-writable headers by default and
counts from the left; django-xff trusts a number of hops rather than a set of
addresses. This is the twenty lines the rule above needs.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

UNIX_SOCKET = "unix"
Network = ipaddress.IPv4Network | ipaddress.IPv6Network


def parse_ip(value: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """An address as a proxy writes it ("203.0.113.7", "2001:db8::1",
    "[2001:db8::1]"), or None for anything else."""
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        value = value[1:-1]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    # An IPv4 client seen through an IPv6 socket: count it as IPv4.
    mapped = getattr(address, "ipv4_mapped", None)
    return mapped or address


@lru_cache(maxsize=8)
def _trusted(entries: tuple[str, ...]) -> tuple[bool, tuple[Network, ...]]:
    networks = tuple(
        ipaddress.ip_network(entry.strip(), strict=False)
        for entry in entries
        if entry.strip() and entry.strip().lower() != UNIX_SOCKET
    )
    unix = any(entry.strip().lower() == UNIX_SOCKET for entry in entries)
    return unix, networks


def trusted_proxies() -> tuple[bool, tuple[Network, ...]]:
    """(whether a Unix-socket peer is trusted, the trusted networks)."""
    return _trusted(tuple(getattr(settings, "CHM_TRUSTED_PROXIES", ())))


def is_trusted_proxy(address: str | None) -> bool:
    unix, networks = trusted_proxies()
    if not address:
        return unix
    ip = parse_ip(address)
    return ip is not None and any(ip in network for network in networks)


def client_ip(request) -> str | None:
    """The client's address, or None when there is none to be had (a Unix
    socket peer that is not trusted)."""
    peer = request.META.get("REMOTE_ADDR") or None
    if not is_trusted_proxy(peer):
        ip = parse_ip(peer) if peer else None
        return str(ip) if ip else None
    hops = [
        hop.strip()
        for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if hop.strip()
    ]
    nearest = parse_ip(peer) if peer else None
    for hop in reversed(hops):
        ip = parse_ip(hop)
        if ip is None:
            # Not an address: written by the client, not by a proxy of ours.
            break
        if not is_trusted_proxy(str(ip)):
            return str(ip)
        nearest = ip
    # Every hop is one of ours (or the chain is broken): the nearest one that
    # could be read stands for the client.
    return str(nearest) if nearest else None
