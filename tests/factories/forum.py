"""Forums, topics and posts.

Topics and posts are made one way here: `make_topic` writes a topic with its
posts straight to the database with every counter right (fast enough for
thousands of posts), and `add_post` adds one post through the ORM (so
Wagtail's search index signal handlers run). Neither sends notifications,
applies rate limits or holds new members' links: tests that need those
side effects call the real actions, `forum.posting.create_topic` and
`forum.posting.reply`."""

from types import SimpleNamespace

import factory
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify

from forum.cooking import cook
from forum.models import Forum, ForumIndexPage, Post, Topic

from .pages import PageFactory, build_network
from .users import UserFactory


class ForumIndexPageFactory(PageFactory):
    class Meta:
        model = ForumIndexPage

    title = "Forums"
    slug = "forums"


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Forum

    name = factory.Sequence(lambda n: f"Forum {n}")
    slug = factory.LazyAttribute(lambda forum: slugify(forum.name))


class TopicFactory(factory.django.DjangoModelFactory):
    """The topic row alone; `make_topic` gives it its posts and counters."""

    class Meta:
        model = Topic

    forum = factory.SubFactory(ForumFactory)
    author = factory.SubFactory(UserFactory)
    title = "A question"
    last_poster = factory.SelfAttribute("author")
    last_post_at = factory.LazyFunction(timezone.now)


class PostFactory(factory.django.DjangoModelFactory):
    """One post, its Markdown cooked as the forum cooks it."""

    class Meta:
        model = Post

    topic = factory.SubFactory(TopicFactory)
    author = factory.SelfAttribute("topic.author")
    number = factory.LazyAttribute(lambda post: post.topic.posts.count() + 1)
    raw = factory.Sequence(lambda n: f"Reply {n}")
    html = factory.LazyAttribute(lambda post: cook(post.raw)[0])


def make_forest_forum() -> Forum:
    """A network with the forum index and one public forum, "Forest", for tests
    that build their own scene (transactional ones, without `network`)."""
    network = build_network()
    ForumIndexPageFactory(parent=network.home)
    return ForumFactory(name="Forest", slug="forest")


def make_forums(network) -> SimpleNamespace:
    """The forum index page and four forums: two public, one for members,
    one for focal points."""
    return SimpleNamespace(
        index=ForumIndexPageFactory(parent=network.home),
        public=ForumFactory(name="Forest", slug="forest"),
        other=ForumFactory(name="Marine and coastal", slug="marine"),
        members=ForumFactory(
            name="Members lounge", slug="lounge", visibility=Forum.Visibility.MEMBERS
        ),
        focal=ForumFactory(
            name="Focal points", slug="focal", visibility=Forum.Visibility.FOCAL_POINTS
        ),
    )


def make_topic(
    forum,
    author,
    replies: int = 0,
    title: str = "A question",
    *,
    texts=None,
    **fields,
) -> Topic:
    """A topic in `forum` with its counters right, and the forum's too.

    Without `texts`: an opening post "Opening post of <title>" (cooked) and
    `replies` replies "Reply 2", "Reply 3"... (written as plain paragraphs,
    for speed). With `texts`: one post per text, each cooked; `replies` is
    then ignored."""
    if texts is None:
        opening = f"Opening post of {title}"
        posts = [(opening, cook(opening)[0])]
        posts += [(f"Reply {n}", f"<p>Reply {n}</p>") for n in range(2, replies + 2)]
    else:
        posts = [(text, cook(text)[0]) for text in texts]
    now = timezone.now()
    topic = TopicFactory(
        forum=forum,
        title=title,
        author=author,
        post_count=len(posts),
        reply_count=len(posts) - 1,
        last_post_at=now,
        **fields,
    )
    Post.objects.bulk_create(
        [
            PostFactory.build(topic=topic, number=n, author=author, raw=raw, html=html)
            for n, (raw, html) in enumerate(posts, start=1)
        ],
        batch_size=500,
    )
    Forum.objects.filter(pk=forum.pk).update(
        topic_count=F("topic_count") + 1,
        post_count=F("post_count") + len(posts),
        last_post_at=now,
        last_topic=topic,
    )
    return topic


def add_post(topic, author, text: str, number: int | None = None, **flags) -> Post:
    """One more post in `topic`, saved through the ORM (so Wagtail's index
    signal handlers run); `flags` such as `is_hidden=True` go on the post.
    The topic's counters are left as they are."""
    return PostFactory(
        topic=topic,
        author=author,
        raw=text,
        html=f"<p>{text}</p>",
        number=number or (topic.posts.count() + 1),
        **flags,
    )


def topic_url(topic) -> str:
    return f"/forums/{topic.forum.slug}/t/{topic.pk}-{topic.slug}/"
