"""Who may do what in a national space: the Wagtail page permissions per role."""

import pytest

from home.models import StandardPage

pytestmark = pytest.mark.shared_world("people")


def perms(user, page):
    return page.permissions_for_user(user)


def test_focal_point_can_add_and_publish_in_their_own_country(people, network):
    benin = perms(people.focal_benin, network.benin)
    assert benin.can_add_subpage()
    assert benin.can_edit()
    assert benin.can_publish_subpage()


def test_focal_point_cannot_touch_another_country(people, network):
    kenya = perms(people.focal_benin, network.kenya)
    assert not kenya.can_add_subpage()
    assert not kenya.can_edit()
    assert not kenya.can_publish()
    assert not perms(people.focal_benin, network.africa).can_add_subpage()


def test_national_editor_can_write_but_not_publish(people, network):
    benin = perms(people.editor_benin, network.benin)
    assert benin.can_add_subpage()
    assert not benin.can_publish_subpage()
    assert not perms(people.editor_benin, network.kenya).can_add_subpage()


@pytest.mark.parametrize("role", ["member", "moderator"])
def test_members_and_moderators_cannot_edit_national_spaces(people, network, role):
    user = getattr(people, role)
    assert not perms(user, network.benin).can_add_subpage()
    assert not perms(user, network.benin).can_edit()


def test_secretariat_staff_can_edit_everywhere(people, network):
    assert perms(people.staff, network.kenya).can_publish_subpage()
    assert perms(people.staff, network.africa).can_add_subpage()


def _add_page_url(parent) -> str:
    return f"/admin/pages/add/home/standardpage/{parent.pk}/"


def test_focal_point_publishes_a_page_under_benin_through_the_admin(
    client, people, network
):
    client.force_login(people.focal_benin)
    response = client.post(
        _add_page_url(network.benin),
        {
            "title": "National biodiversity strategy",
            "slug": "nbsap",
            "intro": "",
            "body-count": "0",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302, response.content[:500]
    page = StandardPage.objects.get(slug="nbsap")
    assert page.live
    assert page.get_parent().pk == network.benin.pk


def test_focal_point_of_benin_is_refused_under_kenya(client, people, network):
    client.force_login(people.focal_benin)
    assert client.get(_add_page_url(network.benin)).status_code == 200
    response = client.post(
        _add_page_url(network.kenya),
        {"title": "Intrusion", "slug": "intrusion", "body-count": "0"},
    )
    assert response.status_code in (302, 403)
    assert not StandardPage.objects.filter(slug="intrusion").exists()


@pytest.mark.parametrize("role", ["member", None])
def test_members_and_visitors_are_kept_out_of_the_admin(client, people, network, role):
    if role:
        client.force_login(getattr(people, role))
    response = client.get(_add_page_url(network.benin))
    assert response.status_code == 302
    # Wagtail's sign-in is allauth's (two-factor for staff, community/staff_mfa.py).
    assert response["Location"].startswith(("/accounts/login/", "/admin/login/")) or (
        response["Location"] == "/"
    )


def test_each_country_gets_its_own_groups(network):
    assert network.benin.focal_point_group.name == "BJ focal points"
    assert network.kenya.editor_group.name == "KE national editors"
    assert network.benin.focal_point_group != network.kenya.focal_point_group
