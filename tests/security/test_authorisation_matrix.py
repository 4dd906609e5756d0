"""Who may do what: every URL of the site × every role, generated from the URL
configuration so that a new URL without a row fails here by name.

Roles, in the order of each row's expectations:
  anon      not signed in
  member    a signed-in member with no role
  expert    a verified expert
  editor    a national editor of Benin
  focal     a national focal point of Benin (the country of the objects here)
  focal_ke  a national focal point of Kenya (another country)
  mod       a community moderator
  staff     the Secretariat (staff, superuser, with an authenticator app)

Expectation tokens: a status code, `L` (302 to the sign-in page), `R` (any
other redirect). The objects belong to `owner`, who holds none of these roles,
so `member` is never the owner.

The rows are in tests/security/matrix.py, the objects in the `world` fixture
(tests/security/conftest.py).

Set MATRIX_DISCOVER=1 to print what the site answers instead of asserting.
"""

import os
from urllib.parse import urlencode

import pytest

from .matrix import (
    EXTRA_KEYS,
    MATRIX,
    REQUIRED_EVEN_IF_EXEMPT,
    ROLES,
    every_route,
    is_exempt,
    outcome,
    urls_without_a_row,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.shared_world("content", "people", spread=True),
]

# The matrix is checked in parts, so that pytest-xdist's workers share it.
PARTS = 4


def test_every_url_of_the_site_has_a_row_in_the_authorisation_matrix():
    missing = urls_without_a_row(MATRIX)
    assert not missing, (
        "These URLs have no row in tests/security/matrix.py "
        "MATRIX; add one saying what each role gets:\n  " + "\n  ".join(missing)
    )
    keys = {key for _route, key in every_route()}
    stale = sorted(set(MATRIX) - keys - EXTRA_KEYS)
    assert not stale, f"Rows for URLs that no longer exist: {stale}"
    assert REQUIRED_EVEN_IF_EXEMPT <= set(MATRIX)


def test_a_url_without_a_row_is_named_in_the_failure():
    without = {key: rows for key, rows in MATRIX.items() if key != "messaging:block"}
    assert urls_without_a_row(without) == [
        "'messaging:block' (messages/with/<str:username>/block/)"
    ]


def test_the_matrix_covers_every_role_on_hundreds_of_requests():
    routes = every_route()
    checks = sum(len(rows) for rows in MATRIX.values())
    print(
        f"{len(routes)} URL patterns ({sum(is_exempt(r) for r, _k in routes)} "
        f"exempt by prefix), {len(MATRIX)} rows, {checks} checks x {len(ROLES)} "
        f"roles = {checks * len(ROLES)} requests"
    )
    assert checks * len(ROLES) >= 1000


@pytest.mark.parametrize("part", range(PARTS))
def test_each_role_gets_what_it_should_from_every_url(client, world, settings, part):
    """A pass over a quarter of the matrix's rows (the four parts make ~1300
    requests), listing every wrong answer at once."""
    settings.CHM_SEARCH_RATE_LIMIT = settings.CHM_SUGGEST_RATE_LIMIT = "10000/m"
    settings.INTEROP_RATE_LIMIT = "10000/m"
    discover = os.environ.get("MATRIX_DISCOVER")
    wrong = []
    for key in sorted(MATRIX)[part::PARTS]:
        for check in MATRIX[key]:
            url = check.url(world)
            expected = check.expect.split()
            assert len(expected) == len(ROLES), f"{key}: {check.expect!r}"
            got = []
            for role, want in zip(ROLES, expected, strict=True):
                client.logout()
                client.cookies.clear()  # no language or session carried over
                user = world.roles[role]
                if user is not None:
                    client.force_login(user)
                response = client.generic(
                    check.method,
                    url,
                    data=urlencode(check.data),
                    content_type="application/x-www-form-urlencoded",
                )
                got.append(outcome(response))
                if got[-1] != want:
                    wrong.append(
                        f"[{key}] {check.method} {url} as {role}: "
                        f"expected {want}, got {got[-1]}"
                    )
            if discover:
                print(f"DISCOVER {key} | {check.method} {url} | {' '.join(got)}")
    assert not wrong, f"{len(wrong)} wrong answers:\n" + "\n".join(wrong)
