"""A control character in what a member writes must not break a feed: XML 1.0
cannot hold it, and Django's feed writer raised (a server error) on it."""

from datetime import timedelta

from django.utils import timezone

from forum.models import Topic

from ..factories import UserFactory


def test_a_topic_titled_with_control_characters_leaves_the_forum_feeds_working(
    client, forums
):
    member = UserFactory(date_joined=timezone.now() - timedelta(days=60))
    client.force_login(member)
    response = client.post(
        "/forums/forest/new/",
        {"title": "Tab\x0bbed \x1b[31m title", "body": "Body with \x0c form feed"},
    )
    assert response.status_code == 302
    topic = Topic.objects.get()
    for feed in (
        "/feeds/forums.rss",
        "/feeds/forums.atom",
        "/feeds/forums/forest.rss",
        f"/feeds/forums/topics/{topic.pk}.rss",
    ):
        response = client.get(feed)
        assert response.status_code == 200, feed
        assert b"bed [31m title" in response.content


def test_rss_channel_descriptions_quote_member_text_escaped(client, forums):
    from taggit.models import Tag

    tag = Tag.objects.create(name="<b>bold</b>", slug="bold")
    response = client.get(f"/feeds/forums/tags/{tag.slug}.rss")
    assert response.status_code == 200
    # Escaped once more inside the XML: a reader that shows it as HTML shows
    # the text, not a bold word.
    assert b"&amp;lt;b&amp;gt;bold" in response.content
