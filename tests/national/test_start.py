""" "Start your national CHM website": a focal point of a country without a
national website creates the starter pages as drafts, once, in their
language; nobody else can, and no other country is touched."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from community.site_pages import starter_pages
from national.models import GalleryPage, NationalPage, SourcesPage

FIJI = "/asia-pacific/fiji/"  # build_network: Fiji is at capacity level 1


def start_url(iso="fj"):
    return reverse("national:start", args=[iso])


@pytest.fixture
def focal_fiji(network, people):
    from community.national_spaces import assign_focal_point

    from ..factories import UserFactory

    user = UserFactory(username="focal.fiji")
    assign_focal_point(user, network.fiji)
    return user


def test_the_focal_point_sees_the_guided_start_on_their_country(client, focal_fiji):
    client.force_login(focal_fiji)
    html = client.get(FIJI).content.decode()
    assert "Start your national CHM website" in html
    assert start_url() in html


@pytest.mark.parametrize(
    "role", ["anonymous", "member", "focal_benin", "editor_benin", "moderator"]
)
def test_nobody_else_sees_the_guided_start(client, network, people, role):
    if role != "anonymous":
        client.force_login(getattr(people, role))
    assert start_url() not in client.get(FIJI).content.decode()


def test_the_confirmation_page_lists_the_pages_and_creates_nothing(
    client, network, focal_fiji
):
    client.force_login(focal_fiji)
    response = client.get(start_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Biodiversity profile" in html or "Profil" in html
    assert Page.objects.child_of(network.fiji).count() == 0


def test_starting_creates_every_starter_page_as_a_draft_once(
    client, network, focal_fiji
):
    client.force_login(focal_fiji)
    response = client.post(start_url())
    assert response.status_code == 302
    pages = Page.objects.child_of(network.fiji)
    expected = {spec.slug for spec in starter_pages()}
    assert {page.slug for page in pages} == expected
    assert {"about", "gallery", "information-sources", "contacts"} <= expected
    assert not pages.filter(live=True).exists()
    assert all(page.show_in_menus for page in pages)
    # Each draft has a revision to open in the editor and guidance to replace.
    about = NationalPage.objects.get(slug="about", path__startswith=network.fiji.path)
    assert about.get_latest_revision() is not None
    assert "Guidance" in str(about.body[0].value) or "Conseils" in str(
        about.body[0].value
    )
    assert SourcesPage.objects.child_of(network.fiji).count() == 1
    assert GalleryPage.objects.child_of(network.fiji).count() == 1
    # A second run creates nothing new.
    client.post(start_url())
    assert Page.objects.child_of(network.fiji).count() == len(expected)
    # No other country got anything.
    assert Page.objects.child_of(network.benin).count() == 0
    assert Page.objects.child_of(network.kenya).count() == 0


def test_other_apps_starter_pages_come_too_written_in_the_focal_points_language(
    network, focal_fiji, monkeypatch
):
    """A page kind registered by another app (events, say) is created too,
    built while the focal point's language is active."""
    from community import site_pages
    from national.starting import start_national_site

    languages = []

    def build(country, language):
        languages.append((language, translation.get_language()))
        return NationalPage(title="Événements")

    monkeypatch.setitem(
        site_pages._starter_pages,
        "probe",
        site_pages.StarterPage(
            key="probe", slug="probe", title="Probe", help_text="", build=build
        ),
    )
    focal_fiji.preferred_language = "fr"
    focal_fiji.save()
    start_national_site(focal_fiji, network.fiji)
    assert languages == [("fr", "fr")]
    probe = Page.objects.child_of(network.fiji).get(slug="probe")
    assert probe.title == "Événements"
    assert probe.locale_id == network.fiji.locale_id  # in the country's tree


@pytest.mark.parametrize(
    "role", ["member", "focal_benin", "focal_kenya", "editor_benin", "moderator"]
)
def test_anyone_but_the_countrys_focal_points_is_refused(client, network, people, role):
    client.force_login(getattr(people, role))
    assert client.get(start_url()).status_code == 403
    assert client.post(start_url()).status_code == 403
    assert Page.objects.child_of(network.fiji).count() == 0


def test_an_anonymous_visitor_is_sent_to_sign_in(client, network):
    response = client.post(start_url())
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert Page.objects.child_of(network.fiji).count() == 0


def test_a_focal_point_cannot_start_another_countrys_site(client, network, focal_fiji):
    network.benin.capacity_level = 2
    network.benin.save()
    client.force_login(focal_fiji)
    assert client.post(start_url("bj")).status_code == 403
    assert Page.objects.child_of(network.benin).count() == 0


def test_a_country_already_on_the_web_is_not_offered_a_start(client, network, people):
    # Benin is at level 3 in build_network.
    client.force_login(people.focal_benin)
    assert start_url("bj") not in client.get("/africa/benin/").content.decode()
    assert client.post(start_url("bj")).status_code == 403


def test_an_unknown_country_is_not_found(client, focal_fiji):
    client.force_login(focal_fiji)
    assert client.get(start_url("zz")).status_code == 404
