"""The one way the platform fetches a URL that a user gave it.

A focal point names their national feed; the server then fetches it. Without
care that is a server-side request forgery: the address can point at the
platform's own network (loopback, the cloud metadata service, a carrier-grade
NAT range) directly, through a URL that parsers read differently
(`http://127.0.0.1:80\\@public.example/`), through a number written in an odd
base (`http://2130706433/`), through a redirect, or through a DNS name that
answers a public address when checked and a private one when fetched.

So every fetch here:

- refuses a URL that is not plainly written: no user name or password, no
  backslash, space or control character, and an IP address only in its usual
  dotted (or bracketed IPv6) form;
- resolves the host once, refuses it unless every address is globally
  routable, and connects to the address it checked (the "pin"), sending the
  real host name in the Host header and as the TLS server name so virtual
  hosting and certificate checks work as usual;
- follows redirects itself, at most a few, with the same checks on every hop;
- stops at a size and a time limit, ignores proxy variables, and sends no
  cookies;
- answers every network failure (refused, closed port, timeout, DNS, TLS, an
  address that is not public) with one `FetchFailed`, so its message cannot be
  used to map a network.

It imports no project app, so any app may use it.
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import time
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

import certifi
import urllib3

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

REDIRECT_STATUSES = {301, 302, 303, 307, 308}
DEFAULT_PORTS = {"http": 80, "https": 443}
HOST_NAME = re.compile(r"^(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)*"
                       r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.?$")  # fmt: skip
# Where IPv6 carries an IPv4 address that a gateway may reach for us (NAT64).
NAT64_PREFIXES = (
    ipaddress.IPv6Network("64:ff9b::/96"),
    ipaddress.IPv6Network("64:ff9b:1::/48"),
)
PATH_SAFE = "/%:@!$&'()*+,;=-._~"
QUERY_SAFE = PATH_SAFE + "?"
READ_SIZE = 64 * 1024
# Not even a connection: the host's next address may do better.
CONNECT_ERRORS = (
    urllib3.exceptions.NewConnectionError,
    urllib3.exceptions.ConnectTimeoutError,
)
# Everything else the network can do: refused, reset, timed out, TLS, garbage.
NETWORK_ERRORS = (urllib3.exceptions.HTTPError, http.client.HTTPException, OSError)


class OutboundError(Exception):
    """Why a fetch did not happen or did not finish."""


class UnsafeURL(OutboundError):
    """The URL is not a plainly written http(s) address; nothing was sent."""


class FetchFailed(OutboundError):
    """Any network failure, or an address that is not public: one neutral kind."""


class NotPublic(FetchFailed):
    """The host has an address that is not globally routable.

    Callers that show errors to users should treat it as any `FetchFailed`;
    only a form that checks an address as it is typed may say more.
    """


class TooLarge(OutboundError):
    """The answer is bigger than the caller accepts."""


class TooManyRedirects(OutboundError):
    """The address redirects more times than the caller accepts."""


@dataclass(frozen=True)
class Target:
    """A checked URL, split into what the connection needs."""

    scheme: str
    host: str  # ASCII (IDNA) host name or IP address, without brackets
    port: int
    host_header: str
    request_target: str  # path and query, as sent on the request line


@dataclass(frozen=True)
class Fetched:
    url: str  # the last hop's URL
    status: int
    headers: dict[str, str]
    body: bytes  # empty unless the status is 2xx


def parse_url(url: str) -> Target:
    """Split an http(s) URL, refusing every form that parsers may read apart."""
    if not isinstance(url, str) or not url:
        raise UnsafeURL("empty")
    if "\\" in url or any(ord(char) <= 0x20 or ord(char) == 0x7F for char in url):
        raise UnsafeURL("backslash, space or control character")
    try:
        parts = urlsplit(url)
    except ValueError as error:  # e.g. an unclosed IPv6 bracket
        raise UnsafeURL("unparsable") from error
    if parts.scheme not in DEFAULT_PORTS:
        raise UnsafeURL("not http(s)")
    netloc = parts.netloc
    if "@" in netloc:
        raise UnsafeURL("user information")
    try:
        port = parts.port
    except ValueError as error:
        raise UnsafeURL("bad port") from error
    if port == 0:
        raise UnsafeURL("bad port")
    hostname = parts.hostname or ""
    if netloc.startswith("["):
        host = canonical_ipv6(hostname)
        host_in_header = f"[{host}]"
    else:
        host = canonical_host(hostname)
        host_in_header = host
    if port is not None and port != DEFAULT_PORTS[parts.scheme]:
        host_in_header = f"{host_in_header}:{port}"
    target = quote(parts.path or "/", safe=PATH_SAFE)
    if parts.query:
        target += "?" + quote(parts.query, safe=QUERY_SAFE)
    return Target(
        scheme=parts.scheme,
        host=host,
        port=port or DEFAULT_PORTS[parts.scheme],
        host_header=host_in_header,
        request_target=target,
    )


def canonical_ipv6(hostname: str) -> str:
    if "%" in hostname:
        raise UnsafeURL("IPv6 zone")
    try:
        return str(ipaddress.IPv6Address(hostname))
    except ValueError as error:
        raise UnsafeURL("bad IPv6 address") from error


def canonical_host(hostname: str) -> str:
    """A DNS name in ASCII, or an IPv4 address written as four plain decimals.

    Anything whose last label looks like a number must be a dotted quad: the C
    library also reads `2130706433`, `0177.0.0.1`, `0x7f.1` and `127.1` as
    127.0.0.1, and browsers and HTTP clients disagree about which of them
    they accept.
    """
    if not hostname:
        raise UnsafeURL("no host")
    try:
        # IDNA first: it also folds full-width digits and ideographic dots.
        ascii_host = hostname.encode("idna").decode("ascii")
    except UnicodeError as error:
        raise UnsafeURL("bad host name") from error
    last_label = ascii_host.rstrip(".").rsplit(".", 1)[-1]
    if last_label.isdigit() or last_label.startswith("0x") or not last_label:
        try:
            address = ipaddress.IPv4Address(ascii_host)  # refuses leading zeros too
        except ValueError as error:
            raise UnsafeURL("IP address not in dotted decimal form") from error
        if str(address) != hostname:  # written with other digits or dots
            raise UnsafeURL("IP address not in dotted decimal form")
        return str(address)
    if len(ascii_host) > 253 or not HOST_NAME.match(ascii_host):
        raise UnsafeURL("bad host name")
    return ascii_host


def is_public_address(address: IPAddress) -> bool:
    """Globally routable, and not a wrapper around an address that is not."""
    if address.version == 6:
        embedded = address.ipv4_mapped or address.sixtofour
        if address.teredo:
            embedded = address.teredo[1]
        if any(address in prefix for prefix in NAT64_PREFIXES):
            embedded = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None and not is_public_address(embedded):
            return False
    return address.is_global and not address.is_multicast


def is_local_name(host: str) -> bool:
    """Names that always mean this machine (RFC 6761), resolvable or not."""
    host = host.rstrip(".")
    return host == "localhost" or host.endswith(".localhost")


def resolve(target: Target, *, allow_private: bool) -> list[IPAddress]:
    """Every address the host has, all checked; a refusal is a `FetchFailed`."""
    if not allow_private and is_local_name(target.host):
        raise NotPublic("local name")
    try:
        infos = socket.getaddrinfo(
            target.host, target.port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
        )
    except (OSError, UnicodeError) as error:
        raise FetchFailed("name does not resolve") from error
    addresses: list[IPAddress] = []
    for family, _type, _proto, _name, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        address = ipaddress.ip_address(sockaddr[0].split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise FetchFailed("name has no address")
    if not allow_private and not all(map(is_public_address, addresses)):
        raise NotPublic("address is not public")
    return addresses


def check_url(url: str, *, allow_private: bool) -> list[IPAddress]:
    """Check a URL as `fetch` would, without fetching; returns its addresses."""
    return resolve(parse_url(url), allow_private=allow_private)


def fetch(
    url: str,
    *,
    allow_private: bool,
    max_bytes: int,
    headers: dict[str, str] | None = None,
    connect_timeout: float = 5,
    total_timeout: float = 20,
    max_redirects: int = 3,
) -> Fetched:
    """GET a URL a user gave, connecting only to the public addresses checked.

    The body is read only for a 2xx answer. `allow_private` lifts the public
    address rule (tests and `make run` serve their feeds on loopback); the
    URL form rules and the pinning apply all the same.
    """
    deadline = time.monotonic() + total_timeout
    for _hop in range(max_redirects + 1):
        target = parse_url(url)
        addresses = resolve(target, allow_private=allow_private)
        fetched = fetch_pinned(
            url,
            target,
            addresses,
            headers=headers or {},
            max_bytes=max_bytes,
            connect_timeout=connect_timeout,
            deadline=deadline,
        )
        location = fetched.headers.get("location")
        if fetched.status in REDIRECT_STATUSES and location:
            url = urljoin(url, location)
            continue
        return fetched
    raise TooManyRedirects(url)


def fetch_pinned(
    url: str,
    target: Target,
    addresses: list[IPAddress],
    *,
    headers: dict[str, str],
    max_bytes: int,
    connect_timeout: float,
    deadline: float,
) -> Fetched:
    """One request, to the first checked address that accepts a connection."""
    last_error: Exception | None = None
    for address in addresses:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        pool = connection_pool(
            target,
            address,
            urllib3.Timeout(connect=min(connect_timeout, remaining), read=remaining),
        )
        try:
            return request(url, pool, target, headers, max_bytes, deadline)
        except CONNECT_ERRORS as error:
            last_error = error  # try the host's next checked address
        except NETWORK_ERRORS as error:
            raise FetchFailed(type(error).__name__) from error
        finally:
            pool.close()
    raise FetchFailed("no address accepted a connection") from last_error


def connection_pool(
    target: Target, address: IPAddress, timeout: urllib3.Timeout
) -> urllib3.HTTPConnectionPool:
    """A pool whose only host is the checked address; no proxy, no retries."""
    common = {"port": target.port, "timeout": timeout, "retries": False, "maxsize": 1}
    if target.scheme == "http":
        return urllib3.HTTPConnectionPool(str(address), **common)
    return urllib3.HTTPSConnectionPool(
        str(address),
        cert_reqs="CERT_REQUIRED",
        ca_certs=certifi.where(),
        server_hostname=target.host,  # SNI: the name, not the pinned address
        assert_hostname=target.host,  # the certificate must be for the name
        **common,
    )


def request(
    url: str,
    pool: urllib3.HTTPConnectionPool,
    target: Target,
    headers: dict[str, str],
    max_bytes: int,
    deadline: float,
) -> Fetched:
    response = pool.urlopen(
        "GET",
        target.request_target,
        headers={
            "Accept-Encoding": "gzip, deflate",
            **headers,
            "Host": target.host_header,
        },
        redirect=False,
        retries=False,
        assert_same_host=False,
        preload_content=False,
    )
    try:
        answer = {name.lower(): value for name, value in response.headers.items()}
        if not 200 <= response.status < 300:
            return Fetched(url, response.status, answer, b"")
        declared = answer.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise TooLarge(url)
        body = bytearray()
        while chunk := response.read1(READ_SIZE):
            body.extend(chunk)
            if len(body) > max_bytes:
                raise TooLarge(url)
            if time.monotonic() > deadline:
                raise FetchFailed("too slow")
        return Fetched(url, response.status, answer, bytes(body))
    finally:
        response.close()
