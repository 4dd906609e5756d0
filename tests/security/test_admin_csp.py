"""The Wagtail admin has a strict CSP of its own (core/csp.py); the public site
keeps its nonce-only policy."""

import re

import pytest
from csp.constants import NONCE, NONE, SELF
from csp.utils import build_policy, default_config
from django.conf import settings

from core.csp import ADMIN_POLICY


def directives(response) -> dict[str, list[str]]:
    policy = response["Content-Security-Policy"]
    parsed = {}
    for part in policy.split(";"):
        name, *values = part.split()
        parsed[name] = values
    return parsed


def public_policy(response) -> str:
    """The policy the settings give, with the response's nonce, if any."""
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])
    return build_policy(nonce=nonce.group(1) if nonce else None)


def admin_urls(network):
    return [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{network.benin.pk}/",
        f"/admin/pages/{network.benin.pk}/edit/",
        f"/admin/pages/{network.benin.pk}/history/",
        "/admin/images/",
        "/admin/images/chooser/",
        "/admin/documents/",
        "/admin/snippets/",
        "/admin/users/",
    ]


def test_admin_pages_send_the_admin_policy(client, network, people):
    client.force_login(people.staff)
    for url in admin_urls(network):
        response = client.get(url)
        assert response.status_code == 200, url
        expected = build_policy(config=default_config(ADMIN_POLICY))
        assert response["Content-Security-Policy"] == expected, url


def test_the_admin_policy_forbids_what_it_does_not_need(client, network, people):
    client.force_login(people.staff)
    for url in admin_urls(network):
        policy = directives(client.get(url))
        assert policy["default-src"] == ["'self'"], url
        assert policy["script-src"] == ["'self'"], url
        # Inline <script> elements only: no event handler attributes, no eval.
        assert policy["script-src-elem"] == ["'self'", "'unsafe-inline'"], url
        assert "'unsafe-inline'" not in policy["script-src-attr"], url
        assert "'unsafe-eval'" not in " ".join(sum(policy.values(), [])), url
        assert not any("nonce-" in value for value in policy["script-src-elem"])
        for name in ("connect-src", "frame-src", "font-src", "style-src"):
            assert "https:" not in policy[name] and "*" not in policy[name], url
        assert policy["object-src"] == ["'none'"], url
        assert policy["frame-ancestors"] == ["'self'"], url
        assert policy["base-uri"] == ["'self'"], url
        assert policy["form-action"] == ["'self'"], url


def test_signing_in_to_the_admin_is_under_the_admin_policy_too(client, db):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert directives(response)["object-src"] == ["'none'"]
    assert "script-src-elem" in directives(response)


@pytest.mark.parametrize(
    "url",
    ["/", "/africa/benin/", "/accounts/login/", "/search/?q=x", "/members/"],
)
def test_public_pages_keep_the_nonce_only_policy(client, network, people, url):
    client.force_login(people.staff)
    response = client.get(url)
    assert response["Content-Security-Policy"] == public_policy(response)
    policy = directives(response)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "script-src-elem" not in policy
    assert "script-src-attr" not in policy
    assert [v for v in policy["script-src"] if not v.startswith("'nonce-")] == [
        "'self'"
    ]
    assert policy["object-src"] == ["'none'"]


def test_the_public_policy_is_unchanged_and_covers_every_path():
    assert settings.CONTENT_SECURITY_POLICY == {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF, NONCE],
            "style-src": [SELF],
            "img-src": [SELF, "data:", "https:"],
            "font-src": [SELF],
            "connect-src": [SELF, "ws:", "wss:"],
            "frame-src": [SELF, "https:"],
            "frame-ancestors": [SELF],
            "form-action": [SELF],
            "base-uri": [SELF],
            "object-src": [NONE],
        }
    }


@pytest.mark.parametrize(
    "url", ["/administrator-x/", "/adminfoo/", "/admin", "/fr/admin/", "/x/admin/"]
)
def test_paths_that_only_look_like_the_admin_get_the_public_policy(
    client, network, people, url
):
    client.force_login(people.staff)
    response = client.get(url)
    assert response["Content-Security-Policy"] == public_policy(response), url
    assert "'unsafe-inline'" not in response["Content-Security-Policy"], url
