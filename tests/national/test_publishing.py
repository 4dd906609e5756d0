"""When the first page of a national website is published, the country's page
links to the site and the Secretariat hears of it once, to confirm the
country's capacity level 3. A country with a website of its own is linked
out to it and keeps its feed harvested."""

import pytest
from wagtail.models import Page

from national.events import NATIONAL_SITE
from national.starting import start_national_site
from notifications.models import Notification

FIJI = "/asia-pacific/fiji/"


@pytest.fixture
def focal_fiji(network):
    from community.national_spaces import assign_focal_point

    from ..factories import UserFactory

    user = UserFactory(username="focal.fiji")
    assign_focal_point(user, network.fiji)
    return user


def publish(page, user=None):
    page.specific.get_latest_revision().publish(user=user)


def test_publishing_the_first_page_tells_the_secretariat_and_links_the_site(
    client, network, people, focal_fiji, django_capture_on_commit_callbacks
):
    start_national_site(focal_fiji, network.fiji)
    assert "Visit the national CHM website" not in client.get(FIJI).content.decode()
    about, contacts = (
        Page.objects.child_of(network.fiji).get(slug=slug)
        for slug in ("about", "contacts")
    )
    with django_capture_on_commit_callbacks(execute=True):
        publish(about, focal_fiji)
    rows = Notification.objects.filter(kind=NATIONAL_SITE)
    assert {row.recipient for row in rows} == {people.staff}
    assert "Fiji" in rows.get().title
    assert "//fj." in rows.get().url
    network.fiji.refresh_from_db()
    assert network.fiji.national_site_published_at is not None
    html = client.get(FIJI).content.decode()
    assert "Visit the national CHM website" in html
    assert "fj." in html
    # The second page published tells nobody again.
    with django_capture_on_commit_callbacks(execute=True):
        publish(contacts, focal_fiji)
    assert Notification.objects.filter(kind=NATIONAL_SITE).count() == 1


def test_members_and_focal_points_are_not_told(
    network, people, focal_fiji, django_capture_on_commit_callbacks
):
    start_national_site(focal_fiji, network.fiji)
    with django_capture_on_commit_callbacks(execute=True):
        publish(Page.objects.child_of(network.fiji).get(slug="about"), focal_fiji)
    told = set(
        Notification.objects.filter(kind=NATIONAL_SITE).values_list(
            "recipient__username", flat=True
        )
    )
    assert told == {"secretariat"}


def test_a_country_with_its_own_website_links_out_instead_of_hosting(
    client, network, focal_fiji
):
    fiji = network.fiji
    fiji.national_website = "https://chm.example.fj/"
    fiji.feed_url = "https://chm.example.fj/feed/"
    fiji.save()
    client.force_login(focal_fiji)
    html = client.get(FIJI).content.decode()
    assert "Visit the national CHM website" in html
    assert 'href="https://chm.example.fj/"' in html
    # Its feed is still harvested here (the blog's harvest panel stays).
    assert "National feed harvesting" in html
    # The guided start is tucked away, offered only if the focal point asks.
    assert "Host a new national website on the network instead" in html
    assert 'class="button" href="/national/fj/start/"' not in html


def test_a_draft_national_site_is_not_linked(client, network, focal_fiji):
    start_national_site(focal_fiji, network.fiji)
    html = client.get(FIJI).content.decode()
    # Its address is the country's canonical one all the same (every space is
    # a site); what waits for a published page is the link to visit it.
    assert "Visit the national CHM website" not in html
