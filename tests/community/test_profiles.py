import pytest

from community.models import Subject, User

from ..factories import UserFactory


@pytest.fixture
def forest(db):
    from taggit.models import Tag

    tag = Tag.objects.create(name="Forest", slug="forest")
    return Subject.objects.create(tag=tag, code="CBD-SUBJECT-FOR", kind="thematic")


@pytest.mark.smoke
def test_public_profile_shows_what_the_member_declared(client, network, forest):
    member = UserFactory(
        username="wanjiru",
        display_name="Wanjiru Kamau",
        organisation="KEFRI",
        country=network.kenya,
        languages=["en", "fr"],
    )
    member.expertise.add(forest.tag)
    html = client.get("/members/wanjiru/").content.decode()
    assert "Wanjiru Kamau" in html and "KEFRI" in html
    assert "Kenya" in html and "Forest" in html
    assert "français" in html


def test_owner_edits_their_profile(client, network, forest):
    member = UserFactory(username="owner")
    client.force_login(member)
    assert client.get("/members/owner/edit/").status_code == 200
    response = client.post(
        "/members/owner/edit/",
        {
            "display_name": "Aïcha Dossou",
            "country": network.benin.pk,
            "organisation": "MCVDD",
            "position": "Focal point",
            "bio": "CHM since 2010.",
            "languages": ["fr", "en"],
            "expertise": [forest.pk],
        },
    )
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.display_name == "Aïcha Dossou"
    assert member.country.specific == network.benin
    assert member.languages == ["fr", "en"]
    assert list(member.expertise.names()) == ["Forest"]


@pytest.mark.parametrize("role", ["other member", "staff"])
def test_nobody_else_can_edit_a_profile(client, network, role):
    UserFactory(username="owner", display_name="Original")
    intruder = UserFactory(is_staff=role == "staff", is_superuser=role == "staff")
    client.force_login(intruder)
    assert client.get("/members/owner/edit/").status_code == 403
    response = client.post("/members/owner/edit/", {"display_name": "Hacked"})
    assert response.status_code == 403
    assert User.objects.get(username="owner").display_name == "Original"


def test_visitors_are_sent_to_sign_in_before_editing(client, network):
    UserFactory(username="owner")
    response = client.get("/members/owner/edit/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_over_long_fields_are_form_errors_and_nothing_is_saved(client, network):
    member = UserFactory(username="owner", display_name="Before", organisation="Org")
    client.force_login(member)
    response = client.post(
        "/members/owner/edit/",
        {"display_name": "x" * 81, "organisation": "New org", "bio": "y" * 2001},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "at most 80 characters" in html
    assert "at most 2000 characters" in html
    member.refresh_from_db()
    assert member.display_name == "Before"
    assert member.organisation == "Org"


def test_unknown_language_or_country_is_a_form_error(client, network):
    member = UserFactory(username="owner")
    client.force_login(member)
    response = client.post(
        "/members/owner/edit/", {"languages": ["xx"], "country": "999999"}
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
