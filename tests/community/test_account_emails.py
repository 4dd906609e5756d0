"""Account emails (allauth) carry the site's name and address, whatever Host
the request that sent them came in on."""

import pytest
from django.core import mail

from ..factories import PASSWORD, UserFactory


@pytest.fixture
def site_address(settings):
    settings.SITE_BASE_URL = "https://chm.example.org"
    settings.CHM_SITE_NAME = "CHM Commons"
    return "chm.example.org"


def assert_speaks_for_the_site(message, domain):
    assert message.subject.startswith("[CHM Commons] "), message.subject
    assert "Hello from CHM Commons!" in message.body, message.body
    assert f"Thank you for using CHM Commons!\n{domain}" in message.body
    assert "127.0.0.1" not in message.body.split("http")[0]
    assert "Hello from 127.0.0.1" not in message.body


def test_the_sign_up_confirmation_names_the_site(client, network, site_address):
    client.post(
        "/accounts/signup/",
        {
            "email": "new.fp@example.org",
            "username": "newfp",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
        HTTP_HOST="127.0.0.1:8791",
    )
    assert_speaks_for_the_site(mail.outbox[-1], site_address)


def test_the_password_reset_names_the_site(client, network, site_address):
    member = UserFactory()
    client.post(
        "/accounts/password/reset/",
        {"email": member.email},
        HTTP_HOST="127.0.0.1:8791",
    )
    assert_speaks_for_the_site(mail.outbox[-1], site_address)
