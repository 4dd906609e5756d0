"""Rate limits count the client's real address: `X-Forwarded-For` is read
only from proxies listed in CHM_TRUSTED_PROXIES, and from the right, so
whatever a client writes into it changes nothing."""

import pytest
from allauth.account.adapter import get_adapter
from django.test import Client, RequestFactory

from core.client_address import client_ip


def request(remote_addr: str | None, forwarded_for: str | None = None):
    meta = {}
    if forwarded_for is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded_for
    req = RequestFactory().get("/", **meta)
    if remote_addr is None:  # a peer on a Unix socket has no address
        del req.META["REMOTE_ADDR"]
    else:
        req.META["REMOTE_ADDR"] = remote_addr
    return req


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.CHM_TRUSTED_PROXIES = []
    assert client_ip(request("203.0.113.7", "198.51.100.1")) == "203.0.113.7"


def test_a_trusted_proxy_gives_the_right_most_hop(settings):
    settings.CHM_TRUSTED_PROXIES = ["127.0.0.1"]
    # The client wrote "1.2.3.4"; nginx appended the address it saw.
    assert client_ip(request("127.0.0.1", "1.2.3.4, 203.0.113.7")) == "203.0.113.7"


def test_hops_through_several_trusted_proxies_are_skipped(settings):
    settings.CHM_TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8"]
    forwarded = "1.2.3.4, 203.0.113.7, 10.1.2.3"
    assert client_ip(request("127.0.0.1", forwarded)) == "203.0.113.7"


def test_an_untrusted_peer_header_is_ignored_even_when_proxies_are_trusted(settings):
    settings.CHM_TRUSTED_PROXIES = ["10.0.0.0/8"]
    assert client_ip(request("203.0.113.7", "10.0.0.1")) == "203.0.113.7"


def test_a_unix_socket_peer_is_trusted_only_when_listed(settings):
    settings.CHM_TRUSTED_PROXIES = []
    assert client_ip(request(None, "203.0.113.7")) is None
    settings.CHM_TRUSTED_PROXIES = ["unix"]
    assert client_ip(request(None, "6.6.6.6, 203.0.113.7")) == "203.0.113.7"


def test_garbage_in_the_header_is_never_the_client(settings):
    settings.CHM_TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_ip(request("127.0.0.1", "<script>, 203.0.113.7")) == "203.0.113.7"
    assert client_ip(request("127.0.0.1", "203.0.113.7, not-an-ip")) == "127.0.0.1"
    assert client_ip(request("127.0.0.1", "[2001:db8::1]")) == "2001:db8::1"


@pytest.mark.django_db
@pytest.mark.parametrize("trusted", [[], ["127.0.0.1"]])
def test_password_resets_with_changing_forwarded_for_are_still_limited(
    settings, trusted
):
    """The reported bypass: 22 resets, each with another X-Forwarded-For."""
    settings.CHM_TRUSTED_PROXIES = trusted
    settings.CHM_POST_RATE_LIMITS = {"/accounts/password/reset/": "20/m"}
    settings.ACCOUNT_RATE_LIMITS = False
    client = Client(REMOTE_ADDR="127.0.0.1")
    statuses = [
        client.post(
            "/accounts/password/reset/",
            {"email": "nobody@example.org"},
            HTTP_X_FORWARDED_FOR=f"198.51.100.{i}, 203.0.113.7"
            if trusted
            else f"198.51.100.{i}",
        ).status_code
        for i in range(22)
    ]
    assert statuses.count(429) == 2, statuses


def test_allauth_own_limits_count_the_same_address(settings):
    """Sign-in, sign-up and reset limits of allauth (ACCOUNT_RATE_LIMITS) ask
    the account adapter: it answers with the same rule."""
    settings.CHM_TRUSTED_PROXIES = ["unix"]
    forwarded = request(None, "6.6.6.6, 203.0.113.7")
    assert get_adapter().get_client_ip(forwarded) == "203.0.113.7"
    settings.CHM_TRUSTED_PROXIES = []
    assert get_adapter().get_client_ip(request("203.0.113.7", "6.6.6.6")) == (
        "203.0.113.7"
    )


@pytest.mark.django_db
def test_search_and_api_limits_ignore_a_spoofed_header(settings):
    settings.CHM_TRUSTED_PROXIES = []
    settings.CHM_SEARCH_RATE_LIMIT = "2/m"
    settings.INTEROP_RATE_LIMIT = "2/m"
    client = Client(REMOTE_ADDR="203.0.113.7")
    for path in ("/search/?q=forest", "/api/v2/forums/"):
        statuses = [
            client.get(path, HTTP_X_FORWARDED_FOR=f"198.51.100.{i}").status_code
            for i in range(3)
        ]
        assert statuses[-1] == 429, (path, statuses)
