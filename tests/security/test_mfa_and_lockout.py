"""Two-factor sign-in (allauth.mfa TOTP) and the failed-login lockout."""

import base64
import hashlib
import hmac
import re
import struct
import time

import pytest
from allauth.mfa.models import Authenticator
from django.core.cache import cache

from ..factories import PASSWORD, UserFactory


def totp(secret: str, at: float | None = None) -> str:
    """RFC 6238: HMAC-SHA1 of the 30-second counter, dynamically truncated."""
    counter = int((time.time() if at is None else at) // 30)
    key = base64.b32decode(secret, casefold=True)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"


def sign_in(client, user):
    return client.post("/accounts/login/", {"login": user.email, "password": PASSWORD})


@pytest.fixture
def staff(network):
    return UserFactory(
        username="secretariat", is_staff=True, is_superuser=True, authenticator=False
    )


def test_staff_without_an_authenticator_is_sent_to_set_one_up_then_signs_in_with_a_code(
    client, staff
):
    assert sign_in(client, staff).status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")

    # Adding an authenticator asks for the password once more.
    setup_url = response["Location"]
    response = client.get(setup_url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    response = client.post(response["Location"], {"password": PASSWORD})
    assert response.status_code == 302
    page = client.get(setup_url)
    assert page.status_code == 200
    secret = re.search(
        r'id="authenticator_secret"[^>]*value="([A-Z2-7=]+)"|'
        r'value="([A-Z2-7=]+)"[^>]*id="authenticator_secret"',
        page.content.decode(),
    )
    assert secret, "the set-up page shows the secret for manual entry"
    secret = secret.group(1) or secret.group(2)

    wrong = client.post("/accounts/2fa/totp/activate/", {"code": "000000"})
    assert wrong.status_code == 200
    assert not Authenticator.objects.filter(user=staff).exists()

    done = client.post("/accounts/2fa/totp/activate/", {"code": totp(secret)})
    assert done.status_code == 302
    assert Authenticator.objects.filter(
        user=staff, type=Authenticator.Type.TOTP
    ).exists()
    assert client.get("/admin/").status_code == 200

    # Next sign-in: the password alone is not enough.
    client.post("/accounts/logout/")
    cache.clear()  # a later sign-in, in another 30-second period
    response = sign_in(client, staff)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/authenticate/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302

    refused = client.post("/accounts/2fa/authenticate/", {"code": "123456"})
    assert refused.status_code == 200
    assert "_auth_user_id" not in client.session
    response = client.post("/accounts/2fa/authenticate/", {"code": totp(secret)})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == staff.pk
    assert client.get("/admin/").status_code == 200


def test_wagtail_and_django_admin_password_only_logins_lead_to_the_two_step_one(
    client, network
):
    for path in ("/admin/login/", "/django-admin/login/", "/_util/login/"):
        response = client.get(path + "?next=/admin/pages/")
        assert response.status_code == 302, path
        assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fpages%2F"
        response = client.post(path, {"username": "x", "password": "y"})
        assert response.status_code == 302, path


def test_every_member_may_add_an_authenticator_but_is_not_forced_to(client, network):
    member = UserFactory()
    client.force_login(member)
    assert client.get("/accounts/2fa/").status_code == 200
    assert client.get("/accounts/2fa/totp/activate/").status_code == 302
    client.post("/accounts/reauthenticate/", {"password": PASSWORD})
    assert client.get("/accounts/2fa/totp/activate/").status_code == 200
    assert client.get("/messages/").status_code == 200


def test_a_national_focal_point_reaches_the_admin_without_a_second_factor(
    client, people
):
    client.force_login(people.focal_benin)
    assert client.get("/admin/").status_code == 200


def test_five_failed_logins_lock_the_account_for_a_while_with_a_clear_message(
    client, network
):
    member = UserFactory()
    for _attempt in range(5):
        response = client.post(
            "/accounts/login/", {"login": member.email, "password": "wrong-guess-1"}
        )
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session
    # Even the right password is refused until the lock expires.
    response = client.post(
        "/accounts/login/", {"login": member.email, "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()
    # Another account from the same address is not locked by it.
    other = UserFactory()
    assert sign_in(client, other).status_code == 302
