"""Cached pages and feeds follow the data, whatever wrote it (issue #19, 17-18).

The page cache and the feed cache are both on here, as in production. Tests
run inside a transaction that never commits, so writes run their on-commit
callbacks through `django_capture_on_commit_callbacks(execute=True)`.
"""

import pytest
from django.apps import apps
from django.utils.text import slugify
from taggit.models import Tag

from blog.models import BlogPostPage
from community.directory import set_verified_expert
from community.models import Subject
from cooperation.offering import OfferDraft, create_offer, set_available
from core.content_writes import ContentQuerySet
from forum.models import Forum, ForumIndexPage
from forum.moderation import delete_topic, hide_post, suspend_member
from forum.posting import create_topic

from ..factories import UserFactory

NEWS_FEEDS = ["/feeds/countries/bj.rss", "/feeds/news.rss", "/feeds/news.atom"]


@pytest.fixture
def caches_on(settings):
    settings.CHM_PAGE_CACHE_SECONDS = 300
    settings.CHM_FEED_CACHE_SECONDS = 300


def text(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.fixture
def draft_news(network):
    network.benin.refresh_from_db()
    page = network.benin.add_child(
        instance=BlogPostPage(
            title="Mangroves replanted at Ouidah",
            slug="mangroves",
            intro="Ten hectares.",
            live=False,
        )
    )
    return page


def test_news_published_through_wagtail_is_in_the_feeds_on_the_next_request(
    client, caches_on, draft_news, django_capture_on_commit_callbacks
):
    for path in NEWS_FEEDS:
        assert "Mangroves replanted" not in text(client, path)
    with django_capture_on_commit_callbacks(execute=True):
        draft_news.save_revision().publish()
    for path in NEWS_FEEDS:
        assert "Mangroves replanted at Ouidah" in text(client, path), path


def test_edited_unpublished_and_deleted_news_leave_the_feeds_at_once(
    client, caches_on, draft_news, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        draft_news.save_revision().publish()
    assert "Mangroves replanted" in text(client, "/feeds/countries/bj.rss")

    draft_news.title = "Mangroves replanted at Grand-Popo"
    with django_capture_on_commit_callbacks(execute=True):
        draft_news.save_revision().publish()
    assert "Grand-Popo" in text(client, "/feeds/countries/bj.rss")

    draft_news.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        draft_news.unpublish()
    for path in NEWS_FEEDS:
        assert "Mangroves replanted" not in text(client, path), path

    with django_capture_on_commit_callbacks(execute=True):
        draft_news.save_revision().publish()
    assert "Mangroves replanted" in text(client, "/feeds/news.rss")
    draft_news.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        draft_news.delete()
    for path in NEWS_FEEDS:
        assert "Mangroves replanted" not in text(client, path), path


@pytest.fixture
def forest(network):
    network.home.refresh_from_db()
    network.home.add_child(instance=ForumIndexPage(title="Forums", slug="forums"))
    return Forum.objects.create(name="Forest", slug="forest")


def test_a_new_topic_is_in_the_forum_feeds_on_the_next_request(
    client, caches_on, forest, django_capture_on_commit_callbacks
):
    assert "Seed banks" not in text(client, "/feeds/forums.rss")
    assert "Seed banks" not in text(client, "/feeds/forums/forest.rss")
    with django_capture_on_commit_callbacks(execute=True):
        create_topic(
            forest, UserFactory(), "Seed banks in the Sahel", "How do you store?"
        )
    assert "Seed banks in the Sahel" in text(client, "/feeds/forums.rss")
    assert "Seed banks in the Sahel" in text(client, "/feeds/forums/forest.rss")


def test_hidden_and_deleted_topics_leave_the_forum_feed_at_once(
    client, caches_on, forest, people, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        hidden = create_topic(forest, UserFactory(), "Spam offer", "Buy now")
        gone = create_topic(forest, UserFactory(), "Old question", "Asked twice")
    feed = text(client, "/feeds/forums.rss")
    assert "Spam offer" in feed and "Old question" in feed
    # Both actions write with bulk QuerySet.update(), which sends no model signal.
    with django_capture_on_commit_callbacks(execute=True):
        hide_post(hidden.posts.get(number=1), people.moderator, reason="spam")
        delete_topic(gone, people.moderator, reason="duplicate")
    feed = text(client, "/feeds/forums.rss")
    assert "Spam offer" not in feed
    assert "Old question" not in feed


def test_the_expert_badge_follows_a_grant_and_a_revocation_at_once(
    client, caches_on, people, django_capture_on_commit_callbacks
):
    member = UserFactory(username="expert")
    profile = "/members/expert/"
    assert "Verified expert" not in text(client, profile)
    with django_capture_on_commit_callbacks(execute=True):
        set_verified_expert(people.moderator, member, True)
    assert "Verified expert" in text(client, profile)
    with django_capture_on_commit_callbacks(execute=True):
        set_verified_expert(people.moderator, member, False)
    assert "Verified expert" not in text(client, profile)


def test_a_suspended_members_profile_is_gone_at_once(
    client, caches_on, people, django_capture_on_commit_callbacks
):
    member = UserFactory(username="spammer", display_name="Spam Sender")
    assert "Spam Sender" in text(client, "/members/spammer/")
    with django_capture_on_commit_callbacks(execute=True):
        suspend_member(member, people.moderator, reason="spam")
    assert client.get("/members/spammer/").status_code == 404


def test_a_withdrawn_offer_leaves_the_offer_feed_at_once(
    client, caches_on, network, django_capture_on_commit_callbacks
):
    tag = Tag.objects.create(name="Forest", slug=slugify("Forest"))
    forest = Subject.objects.create(code="CBD-SUBJECT-FOR", tag=tag, kind="thematic")
    member = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        offer = create_offer(
            member,
            OfferDraft(
                title="Help with mapping",
                description="We map invasive plants from satellite images.",
                assistance_types=["technical"],
                subjects=[forest],
                languages=["fr"],
            ),
        )
    assert "Help with mapping" in text(client, "/feeds/cooperation/offers.rss")
    with django_capture_on_commit_callbacks(execute=True):
        set_available(member, offer, False)
    assert "Help with mapping" not in text(client, "/feeds/cooperation/offers.rss")


def test_feed_readers_revalidate_and_get_a_304_while_nothing_changed(
    client, caches_on, network
):
    first = client.get("/feeds/news.rss")
    assert "max-age=0" in first["Cache-Control"]
    assert first["ETag"]
    again = client.get("/feeds/news.rss", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


# Models left out, each for a reason: nothing a cached page or feed shows, or
# written only by save() (Wagtail's page actions, modelcluster's child rows,
# m2m changes), which sends the signals the caches listen to.
NOT_BULK_WRITTEN_OR_NOT_SHOWN = {
    "home.homepage",  # pages written only through Wagtail's actions
    "home.standardpage",
    "forum.forumindexpage",
    "toolkits.toolkitlibrarypage",
    "community.taggedexpertise",  # tag through rows: m2m / save() only
    "blog.blogposttag",
    "forum.taggedtopic",
    "toolkits.toolkittag",
    "blog.blogpostauthor",  # modelcluster child rows, saved with their page
    "toolkits.toolkitlanguage",
    "forum.topicreadstate",  # a member's own read marker
    "forum.postrevision",  # edit history, moderators only
    "forum.postlike",  # the counters shown are on Post/Topic, which bump
    "forum.mention",  # notification bookkeeping
    "forum.flag",  # moderators only
    "forum.moderationlog",
    "blog.feedharvest",  # shown to the country's managers, never cached
    # Download counters: handled with the download-count finding of #19.
    "toolkits.toolkitpage",
    "toolkits.toolkitresource",
}


def test_every_content_model_sends_its_bulk_writes_to_the_caches(db):
    """A bulk `update()` sends no model signal; a content model whose QuerySet
    does not inherit ContentQuerySet would leave cached pages stale."""
    project_apps = {"blog", "community", "cooperation", "forum", "home", "toolkits"}
    missing = [
        model._meta.label_lower
        for model in apps.get_models()
        if model._meta.app_label in project_apps
        and not model._meta.auto_created
        and model._meta.label_lower not in NOT_BULK_WRITTEN_OR_NOT_SHOWN
        and not isinstance(model._default_manager.all(), ContentQuerySet)
    ]
    assert missing == []
