"""Every count goes through ngettext, and a moment ago is "just now"
(issue #19, 21)."""

from datetime import timedelta

from django.template import Context, Template
from django.template.loader import render_to_string
from django.utils import timezone

from blog.models import BlogPostPage
from forum.models import Forum, ForumIndexPage
from forum.posting import create_topic

from ..factories import UserFactory


def ago(value) -> str:
    return Template("{% load translations_tags %}{{ value|time_ago }}").render(
        Context({"value": value})
    )


def test_a_moment_ago_reads_just_now_not_zero_minutes():
    assert ago(timezone.now()) == "just now"
    assert ago(timezone.now() - timedelta(seconds=50)) == "just now"


def test_older_times_read_as_a_singular_or_plural_count_ago():
    now = timezone.now()
    assert ago(now - timedelta(minutes=1, seconds=5)) == "1\xa0minute ago"
    assert ago(now - timedelta(hours=3, minutes=2)).startswith("3\xa0hours")
    assert ago(now - timedelta(hours=3)).endswith(" ago")


def test_the_forum_list_says_just_now_for_a_topic_written_this_minute(client, network):
    network.home.refresh_from_db()
    network.home.add_child(instance=ForumIndexPage(title="Forums", slug="forums"))
    forest = Forum.objects.create(name="Forest", slug="forest")
    create_topic(forest, UserFactory(), "Seed banks", "How do you store seeds?")
    html = client.get("/forums/").content.decode()
    assert "just now" in html
    assert "0\xa0minutes" not in html
    html = client.get("/forums/forest/").content.decode()
    assert "just now" in html


def test_activity_totals_of_one_are_in_the_singular():
    one = {"news": 1, "topics": 1, "replies": 1, "toolkits": 1, "active_members": 1}
    text = render_to_string("network/includes/activity_totals.html", {"totals": one})
    assert text == (
        "Last 90 days: 1 news item, 1 topic, 1 reply, 1 toolkit, 1 active member."
    )
    two = dict.fromkeys(one, 2)
    text = render_to_string("network/includes/activity_totals.html", {"totals": two})
    assert "2 news items, 2 topics, 2 replies, 2 toolkits, 2 active members." in text


def test_a_country_with_one_active_member_says_member_not_members(
    client, network, settings
):
    member = UserFactory(country=network.benin)
    forest = Forum.objects.create(name="Forest", slug="forest")
    create_topic(forest, member, "Seed banks", "How do you store seeds?")
    html = client.get("/africa/benin/").content.decode()
    assert "1 active member." in html
    assert "1 active members" not in html
    assert "1 topics" not in html


def test_the_search_note_for_a_page_past_the_only_one_is_singular(client, network):
    network.benin.refresh_from_db()
    network.benin.add_child(
        instance=BlogPostPage(title="Lagoon news", slug="lagoon", intro="Lagoon")
    )
    html = client.get("/search/?q=lagoon&page=7").content.decode()
    assert "There is only 1 page of results" in html
    assert "only 1 pages" not in html


def test_a_rate_limited_api_client_reads_singular_and_plural_counts(
    client, network, settings
):
    settings.INTEROP_RATE_LIMIT = "1/m"
    client.get("/api/v2/forums/")
    message = client.get("/api/v2/forums/").json()["message"]
    assert message.startswith("Too many requests: at most 1 request every 60 seconds.")
