from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.db.models import F
from django.utils import timezone

from forum.cooking import cook
from forum.models import Forum, ForumIndexPage, Post, Topic

from ..factories import UserFactory


def established(**kwargs):
    """A member past the new-member stage (joined weeks ago)."""
    return UserFactory(date_joined=timezone.now() - timedelta(days=60), **kwargs)


@pytest.fixture
def forums(network):
    index = network.home.add_child(
        instance=ForumIndexPage(title="Forums", slug="forums")
    )
    return SimpleNamespace(
        index=index,
        public=Forum.objects.create(name="Forest", slug="forest"),
        other=Forum.objects.create(name="Marine and coastal", slug="marine"),
        members=Forum.objects.create(
            name="Members lounge", slug="lounge", visibility=Forum.Visibility.MEMBERS
        ),
        focal=Forum.objects.create(
            name="Focal points", slug="focal", visibility=Forum.Visibility.FOCAL_POINTS
        ),
    )


@pytest.fixture
def author(db):
    return established(username="author", display_name="Topic Author")


def make_topic(forum, author, replies: int = 0, title: str = "A question", **fields):
    """A topic with `replies` replies, written straight to the database with its
    counters right (fast enough for thousands of posts)."""
    now = timezone.now()
    topic = Topic.objects.create(
        forum=forum,
        title=title,
        author=author,
        last_poster=author,
        post_count=replies + 1,
        reply_count=replies,
        last_post_at=now,
        **fields,
    )
    html, _ = cook(f"Opening post of {title}")
    posts = [
        Post(
            topic=topic,
            number=1,
            author=author,
            raw=f"Opening post of {title}",
            html=html,
        )
    ]
    posts += [
        Post(
            topic=topic,
            number=n,
            author=author,
            raw=f"Reply {n}",
            html=f"<p>Reply {n}</p>",
        )
        for n in range(2, replies + 2)
    ]
    Post.objects.bulk_create(posts, batch_size=500)
    Forum.objects.filter(pk=forum.pk).update(
        topic_count=F("topic_count") + 1,
        post_count=F("post_count") + replies + 1,
        last_post_at=now,
        last_topic=topic,
    )
    return topic


def url(topic) -> str:
    return f"/forums/{topic.forum.slug}/t/{topic.pk}-{topic.slug}/"
