import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from community.models import User

from ..factories import PASSWORD, UserFactory


def signup(client, **overrides):
    data = {
        "email": "new.fp@example.org",
        "username": "newfp",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }
    return client.post("/accounts/signup/", data)


@pytest.mark.smoke
def test_signup_then_email_verification_then_login(client, network):
    response = signup(client)
    assert response.status_code == 302
    user = User.objects.get(email="new.fp@example.org")
    assert not EmailAddress.objects.get(user=user).verified

    # Unverified: logging in is held until the address is confirmed.
    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "new.fp@example.org", "password": PASSWORD}
    )
    assert "_auth_user_id" not in client.session

    assert len(mail.outbox) >= 1
    link = re.search(
        r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", mail.outbox[-1].body
    )
    assert link, mail.outbox[-1].body
    confirm_path = link.group(1)
    assert client.get(confirm_path).status_code == 200
    response = client.post(confirm_path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified

    client.logout()
    response = client.post(
        "/accounts/login/", {"login": "new.fp@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


def test_log_out_needs_a_post_and_ends_the_session(client, network):
    user = UserFactory()
    client.force_login(user)
    assert client.post("/accounts/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_signup_with_a_taken_email_is_a_form_error(client, network):
    UserFactory(email="taken@example.org")
    response = signup(client, email="taken@example.org", username="other")
    assert response.status_code == 200
    assert "already" in response.content.decode().lower()
    assert User.objects.filter(email="taken@example.org").count() == 1


def test_signup_with_a_bad_email_is_a_form_error(client, network):
    response = signup(client, email="not-an-email")
    assert response.status_code == 200
    assert "valid email" in response.content.decode().lower()
    assert not User.objects.filter(username="newfp").exists()


@pytest.mark.parametrize("weak", ["12345678901", "password123", "short"])
def test_signup_with_a_weak_password_is_a_form_error(client, network, weak):
    response = signup(client, password1=weak, password2=weak)
    assert response.status_code == 200
    assert not User.objects.filter(username="newfp").exists()
    assert "password" in response.content.decode().lower()


def test_password_reset_sends_a_link(client, network):
    UserFactory(email="forgot@example.org")
    response = client.post("/accounts/password/reset/", {"email": "forgot@example.org"})
    assert response.status_code == 302
    assert "/accounts/password/reset/key/" in mail.outbox[-1].body


def test_repeated_failed_logins_are_rate_limited(client, network):
    UserFactory(email="target@example.org")
    pages = [
        client.post(
            "/accounts/login/", {"login": "target@example.org", "password": "wrong-one"}
        ).content.decode()
        for _ in range(7)
    ]
    assert "Too many failed login attempts" not in pages[0]
    assert "Too many failed login attempts" in pages[-1]
