"""Issue #19: nobody can squat another person's email address or pass for
another member by a look-alike username or a copied display name."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail

from community.models import User

from ..factories import PASSWORD, UserFactory


def signup(client, **overrides):
    data = {
        "email": "victim@example.org",
        "username": "victim",
        "password1": PASSWORD,
        "password2": PASSWORD,
        **overrides,
    }
    return client.post("/accounts/signup/", data)


def confirm_last_email(client):
    link = re.search(
        r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", mail.outbox[-1].body
    )
    assert link, mail.outbox[-1].body
    return client.post(link.group(1))


def test_an_address_another_member_added_unverified_does_not_block_sign_up(
    client, network
):
    squatter = UserFactory(username="squatter")
    EmailAddress.objects.create(
        user=squatter, email="victim@example.org", verified=False, primary=False
    )
    response = signup(client)
    assert response.status_code == 302, response.content.decode()[:2000]
    victim = User.objects.get(username="victim")
    assert victim.email == "victim@example.org"

    # Verifying it makes it the victim's alone: the squatter's copy is gone.
    assert confirm_last_email(client).status_code == 302
    assert EmailAddress.objects.get(user=victim).verified
    assert not EmailAddress.objects.filter(
        user=squatter, email="victim@example.org"
    ).exists()


def test_an_address_another_member_added_unverified_can_be_added_by_its_owner(
    client, network
):
    squatter = UserFactory(username="squatter")
    EmailAddress.objects.create(
        user=squatter, email="mine@example.org", verified=False, primary=False
    )
    owner = UserFactory(username="owner")
    client.force_login(owner)
    response = client.post(
        "/accounts/email/", {"action_add": "", "email": "mine@example.org"}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert EmailAddress.objects.filter(user=owner, email="mine@example.org").exists()

    # An address another account verified still cannot be added.
    UserFactory(username="holder", email="held@example.org")
    response = client.post(
        "/accounts/email/", {"action_add": "", "email": "held@example.org"}
    )
    assert response.status_code == 200
    assert not EmailAddress.objects.filter(
        user=owner, email="held@example.org"
    ).exists()


def test_an_address_verified_by_another_member_still_blocks_sign_up(client, network):
    UserFactory(email="victim@example.org")  # verified by the factory
    response = signup(client)
    assert response.status_code == 200
    assert "already" in response.content.decode().lower()
    assert not User.objects.filter(username="victim").exists()


def test_the_first_account_to_verify_keeps_the_address(client, network):
    """A squatter who verifies later cannot take the address back."""
    squatter = UserFactory(username="squatter")
    late = EmailAddress.objects.create(
        user=squatter, email="victim@example.org", verified=False
    )
    UserFactory(username="owner", email="victim@example.org")  # verified
    assert not late.set_verified()
    late.refresh_from_db()
    assert not late.verified


@pytest.mark.parametrize(
    "lookalike",
    [
        "\u0430dmin",  # Cyrillic а
        "ADMIN",
        "adm\u0131n",  # dotless ı
        "\u0430dm\u0456n",  # Cyrillic а and і
    ],
)
def test_a_username_that_looks_like_an_existing_one_is_refused(
    client, network, lookalike
):
    UserFactory(username="admin")
    response = signup(client, username=lookalike)
    assert response.status_code == 200
    assert "looks too much like" in response.content.decode() or (
        "already" in response.content.decode().lower()
    )
    assert User.objects.count() == 1


def test_a_username_unlike_any_other_is_accepted(client, network):
    UserFactory(username="admin")
    assert signup(client, username="amina").status_code == 302


@pytest.mark.parametrize(
    "name", ["Aïcha Dossou", "aïcha  DOSSOU", "adossou", "\u0430dossou"]
)
def test_a_display_name_another_member_already_goes_by_is_refused(
    client, network, name
):
    UserFactory(username="adossou", display_name="Aïcha Dossou")
    member = UserFactory(username="owner", display_name="Someone")
    client.force_login(member)
    response = client.post(
        "/members/owner/edit/", {"display_name": name, "languages": ["fr"]}
    )
    assert response.status_code == 200
    assert "Another member already goes by this name" in response.content.decode()
    member.refresh_from_db()
    assert member.display_name == "Someone"


def test_a_member_keeps_their_own_display_name_when_editing(client, network):
    member = UserFactory(username="owner", display_name="Aïcha Dossou")
    client.force_login(member)
    response = client.post(
        "/members/owner/edit/",
        {"display_name": "Aïcha Dossou", "languages": ["fr"], "bio": "Hello"},
    )
    assert response.status_code == 302
