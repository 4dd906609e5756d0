"""On their own country page, the country's focal points and national editors
(and the Secretariat) get "Post news" and "Edit this page", which open the
Wagtail editor under that country; nobody else sees them, and they never leak
into the page cached for anonymous visitors."""

import pytest
from django.urls import reverse

BENIN = "/africa/benin/"


def add_news_url(country) -> str:
    return reverse("wagtailadmin_pages:add", args=["blog", "blogpostpage", country.pk])


def edit_url(country) -> str:
    return reverse("wagtailadmin_pages:edit", args=[country.pk])


@pytest.mark.parametrize(
    ("role", "sees_buttons"),
    [
        ("anonymous", False),
        ("member", False),
        ("focal_benin", True),
        ("editor_benin", True),
        ("focal_kenya", False),
        ("staff", True),
    ],
)
def test_only_the_countrys_people_see_post_news_and_edit_this_page(
    client, network, people, role, sees_buttons
):
    if role != "anonymous":
        client.force_login(getattr(people, role))
    html = client.get(BENIN).content.decode()
    assert ("Post news" in html) is sees_buttons
    assert ("Edit this page" in html) is sees_buttons
    assert (add_news_url(network.benin) in html) is sees_buttons
    assert (edit_url(network.benin) in html) is sees_buttons


def test_a_focal_point_sees_no_buttons_on_another_countrys_page(
    client, network, people
):
    client.force_login(people.focal_benin)
    html = client.get("/africa/kenya/").content.decode()
    assert "Post news" not in html
    assert "Edit this page" not in html


@pytest.mark.parametrize("role", ["focal_benin", "editor_benin", "staff"])
def test_the_buttons_open_the_editor_under_the_country(client, network, people, role):
    client.force_login(getattr(people, role))
    add = client.get(add_news_url(network.benin))
    assert add.status_code == 200
    assert 'name="title"' in add.content.decode()
    assert client.get(edit_url(network.benin)).status_code == 200


def test_kenyas_focal_point_cannot_open_benins_editor(client, network, people):
    client.force_login(people.focal_kenya)
    assert client.get(add_news_url(network.benin)).status_code != 200
    assert client.get(edit_url(network.benin)).status_code != 200


def test_buttons_never_reach_the_page_cached_for_anonymous_visitors(
    client, network, people, settings
):
    settings.CHM_PAGE_CACHE_SECONDS = 300
    client.force_login(people.focal_benin)
    assert "Post news" in client.get(BENIN).content.decode()
    client.logout()
    client.cookies.clear()

    first = client.get(BENIN)
    assert first["X-Page-Cache"] == "miss"
    assert "Post news" not in first.content.decode()
    assert client.get(BENIN)["X-Page-Cache"] == "hit"

    # With the anonymous page now cached, a focal point still gets their own.
    client.force_login(people.focal_benin)
    signed_in = client.get(BENIN)
    assert "X-Page-Cache" not in signed_in
    assert "Post news" in signed_in.content.decode()
