import pytest
from django.urls import reverse

from events.models import EventPage

from ..factories import login


def _can_add(user, calendar) -> bool:
    permissions = calendar.permissions_for_user(user)
    return permissions.can_add_subpage() and EventPage.can_create_at(calendar)


@pytest.mark.parametrize(
    ("role", "benin", "kenya", "secretariat"),
    [
        ("member", False, False, False),
        ("focal_benin", True, False, False),
        ("editor_benin", True, False, False),
        ("focal_kenya", False, True, False),
        ("moderator", False, False, False),
        ("staff", True, True, True),
    ],
)
def test_who_may_add_events_to_which_calendar(
    calendars, people, role, benin, kenya, secretariat
):
    user = getattr(people, role)
    assert _can_add(user, calendars.benin) is benin
    assert _can_add(user, calendars.kenya) is kenya
    assert _can_add(user, calendars.network) is secretariat


def test_the_admin_lets_a_focal_point_add_only_under_their_country(calendars, people):
    client = login(people.focal_benin)

    def add(calendar):
        return client.get(
            reverse("wagtailadmin_pages:add", args=["events", "eventpage", calendar.pk])
        )

    assert add(calendars.benin).status_code == 200
    assert add(calendars.kenya).status_code in (302, 403)
    assert add(calendars.network).status_code in (302, 403)


def test_the_secretariat_adds_network_events(calendars, people):
    client = login(people.staff)
    response = client.get(
        reverse(
            "wagtailadmin_pages:add", args=["events", "eventpage", calendars.network.pk]
        )
    )
    assert response.status_code == 200


def test_events_go_only_under_a_calendar_and_calendars_under_places(network):
    from community.models import CountryPage, RegionPage
    from events.models import EventsIndexPage
    from home.models import HomePage

    assert EventPage.allowed_parent_page_models() == [EventsIndexPage]
    assert set(EventsIndexPage.allowed_parent_page_models()) == {
        HomePage,
        RegionPage,
        CountryPage,
    }
