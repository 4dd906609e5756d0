"""The one follow control: the same toggle and level menu on everything a
member can follow, one endpoint that answers htmx with the control and plain
forms with a redirect to a safe `next`."""

import re

import pytest
from django.contrib.auth import get_user_model
from taggit.models import Tag

from notifications.models import Subscription
from notifications.subscriptions import watch_level
from toolkits.models import ToolkitLibraryPage

from ..factories import established, make_topic

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def things(network, forums, author, library):
    """One object of every followable kind, with the page that shows it."""
    topic = make_topic(forums.public, author, title="Seed banks")
    tag = Tag.objects.create(name="Mangroves", slug="mangroves")
    return {
        "country": (network.benin, network.benin.url),
        "region": (network.africa, network.africa.url),
        "member": (author, "/members/author/"),
        "tag": (tag, "/tags/mangroves/"),
        "forum": (forums.public, "/forums/forest/"),
        "topic": (topic, topic.get_absolute_url()),
        "library": (library, library.url),
    }


KINDS = ["country", "region", "member", "tag", "forum", "topic", "library"]


def endpoint(kind: str, obj) -> str:
    return f"/notifications/follow/{kind}/{obj.pk}/"


@pytest.mark.parametrize("kind", KINDS)
def test_every_followable_page_shows_the_same_control_and_it_follows(
    client, things, kind
):
    obj, page_url = things[kind]
    member = established(username="reader")
    client.force_login(member)
    html = client.get(page_url).content.decode()
    # One label everywhere: a "Follow" toggle, not pressed, and the level menu.
    control = re.search(
        rf'<div class="follow" id="follow-{kind}-{obj.pk}">.*?</details>', html, re.S
    )
    assert control, kind
    control = control.group(0)
    assert 'aria-pressed="false"' in control and ">Follow</button>" in control
    assert "Notification level" in control
    assert "Notify me of everything new here." in control
    assert 'name="next" value="' + page_url in control
    assert "Notifications</label>" not in html and ">Save</button>" in control

    response = client.post(endpoint(kind, obj), {"level": "watching", "next": page_url})
    assert response.status_code == 302 and response["Location"] == page_url
    assert watch_level(member, obj) == "watching"
    html = client.get(page_url).content.decode()
    assert 'aria-pressed="true"' in html and ">Following</button>" in html
    assert "You are following this now." in html


def test_changing_the_level_then_unfollowing(client, things):
    topic, url = things["topic"]
    member = established(username="reader")
    client.force_login(member)
    client.post(endpoint("topic", topic), {"level": "watching", "next": url})
    client.post(endpoint("topic", topic), {"level": "muted", "next": url})
    assert Subscription.objects.get(user=member).level == "muted"
    html = client.get(url).content.decode()
    # Muted is not following, and says so on the menu button.
    assert 'aria-pressed="false"' in html
    assert re.search(r"<summary[^>]*>.*?<span>Muted</span>", html, re.S)
    response = client.post(
        endpoint("topic", topic), {"level": "normal", "next": url}, follow=True
    )
    assert not Subscription.objects.filter(user=member).exists()
    assert "You no longer follow this." in response.content.decode()


def test_a_visitor_is_sent_to_sign_in_and_back_to_the_page(client, things):
    country, url = things["country"]
    html = client.get(url).content.decode()
    # Visitors see the same word, as a link to sign in (no form, no token:
    # the anonymous page stays cacheable).
    assert f'href="/accounts/login/?next={url}">Follow</a>' in html
    assert "follow-toggle" not in html
    response = client.post(
        endpoint("country", country), {"level": "watching", "next": url}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={url}"
    assert not Subscription.objects.exists()
    # A session that ended under htmx: the whole page goes to sign in.
    response = client.post(
        endpoint("country", country), {"level": "watching", "next": url}, **HTMX
    )
    assert response["HX-Redirect"].startswith("/accounts/login/?next=")


def test_private_and_missing_things_are_not_followable(client, network, forums, author):
    secret = make_topic(forums.focal, author, title="Negotiating position")
    draft = network.home.add_child(
        instance=ToolkitLibraryPage(title="Draft library", slug="draft", live=False)
    )
    gone = established(username="gone", is_active=False)
    client.force_login(established(username="reader"))
    for kind, pk in [
        ("topic", secret.pk),
        ("forum", forums.focal.pk),
        ("library", draft.pk),
        ("member", gone.pk),
        ("country", 999999),
        ("planet", 1),
    ]:
        response = client.post(
            f"/notifications/follow/{kind}/{pk}/", {"level": "watching"}
        )
        assert response.status_code == 404, kind
        htmx = client.post(
            f"/notifications/follow/{kind}/{pk}/", {"level": "watching"}, **HTMX
        )
        assert htmx.status_code == 404, kind
        assert "Negotiating position" not in htmx.content.decode()
    assert not Subscription.objects.exists()


def test_htmx_gets_the_control_back_and_a_plain_form_a_redirect(client, things):
    forum, url = things["forum"]
    member = established(username="reader")
    client.force_login(member)
    response = client.post(
        endpoint("forum", forum), {"level": "watching", "next": url}, **HTMX
    )
    assert response.status_code == 200 and "Location" not in response
    html = response.content.decode()
    assert html.lstrip().startswith(
        f'<div class="follow" id="follow-forum-{forum.pk}">'
    )
    assert "<html" not in html
    # The same ids as before: htmx puts focus back on the toggle.
    assert f'id="follow-forum-{forum.pk}-toggle"' in html
    assert 'aria-pressed="true"' in html and ">Following</button>" in html
    assert 'name="next" value="/forums/forest/"' in html
    assert '<details class="follow-menu">' in html  # the toggle closes the menu
    # No flash message waits for the next page: the control said it.
    assert "You are following" not in client.get(url).content.decode()

    # From the menu: the menu stays open, the chosen level checked.
    response = client.post(
        endpoint("forum", forum), {"level": "muted", "menu": "1", "next": url}, **HTMX
    )
    html = response.content.decode()
    assert '<details class="follow-menu" open>' in html
    assert re.search(r'value="muted"[^>]*checked', html)
    assert 'role="status">Saved.' in html
    assert Subscription.objects.get(user=member).level == "muted"

    bad = client.post(endpoint("forum", forum), {"level": "loud"}, **HTMX)
    assert bad.status_code == 400
    assert Subscription.objects.get(user=member).level == "muted"


@pytest.mark.parametrize(
    "next_url,expected",
    [
        ("/forums/forest/?page=2", "/forums/forest/?page=2"),
        ("https://evil.example/", "/notifications/following/"),
        ("//evil.example/", "/notifications/following/"),
        ("javascript:alert(1)", "/notifications/following/"),
        ("", "/notifications/following/"),
    ],
)
def test_only_a_next_on_this_site_is_followed(client, things, next_url, expected):
    forum, _url = things["forum"]
    client.force_login(established(username="reader"))
    response = client.post(
        endpoint("forum", forum), {"level": "watching", "next": next_url}
    )
    assert response.status_code == 302 and response["Location"] == expected


def test_the_old_forum_and_topic_addresses_still_accept_a_post(client, things):
    forum, forum_url = things["forum"]
    topic, topic_url = things["topic"]
    member = established(username="reader")
    client.force_login(member)
    response = client.post("/forums/forest/follow/", {"level": "watching"})
    assert response.status_code == 302 and response["Location"] == forum_url
    response = client.post(f"/forums/t/{topic.pk}/follow/", {"level": "muted"})
    assert response.status_code == 302 and response["Location"] == topic_url
    assert watch_level(member, forum) == "watching"
    assert watch_level(member, topic) == "muted"
    htmx = client.post("/forums/forest/follow/", {"level": "normal"}, **HTMX)
    assert htmx.status_code == 200 and 'aria-pressed="false"' in htmx.content.decode()


def test_a_get_after_signing_in_lands_on_the_followed_thing(client, things):
    tag, url = things["tag"]
    client.force_login(established(username="reader"))
    response = client.get(endpoint("tag", tag))
    assert response.status_code == 302 and response["Location"] == url
    assert not Subscription.objects.exists()


def test_the_list_of_what_i_follow_uses_the_same_control(
    client, things, django_assert_max_num_queries
):
    member = established(username="reader")
    client.force_login(member)
    for kind in KINDS:
        obj, _url = things[kind]
        client.post(endpoint(kind, obj), {"level": "watching"})
    tracking_tag = Tag.objects.create(name="Wetlands", slug="wetlands")
    client.post(endpoint("tag", tracking_tag), {"level": "tracking"})
    html = client.get("/notifications/following/").content.decode()
    assert html.count('aria-pressed="true"') == len(KINDS) + 1
    # Tracking is offered only to whoever already has it, and shown.
    assert html.count('value="tracking"') == 1
    assert re.search(r"<span>Tracking</span>", html)
    # The control reads no level of its own here: one page, few queries.
    with django_assert_max_num_queries(30):
        client.get("/notifications/following/")


def test_a_member_does_not_see_a_control_to_follow_themselves(client, things):
    member, url = things["member"]
    client.force_login(get_user_model().objects.get(username="author"))
    assert 'id="follow-member-' not in client.get(url).content.decode()
