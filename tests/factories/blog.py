"""Blog posts (national news) under a country page."""

import factory
from django.utils import timezone

from blog.models import BlogPostAuthor, BlogPostPage

from .pages import PageFactory


class BlogPostPageFactory(PageFactory):
    """A blog post; `authors=[member, ...]` credits members as its authors."""

    class Meta:
        model = BlogPostPage

    title = factory.Sequence(lambda n: f"News {n}")
    intro = factory.LazyAttribute(lambda post: f"About {post.title}")

    @classmethod
    def child_fields(cls):
        return ("authors",)

    @classmethod
    def add_children(cls, instance, authors=()):
        for author in authors:
            instance.post_authors.add(BlogPostAuthor(author=author))


def make_post(country, n: int, tags=(), author=None, **fields) -> BlogPostPage:
    """News number `n` of `country` ("News n", slug news-n), saved live
    without a revision."""
    fields.setdefault("intro", f"Intro {n}")
    return BlogPostPageFactory(
        parent=country,
        title=f"News {n}",
        slug=f"news-{n}",
        tags=tags,
        authors=[author] if author else [],
        **fields,
    )


def news(country, title, *, live=True, days_ago=0, language="en", tags=()):
    """News titled `title`, published `days_ago` days ago through a revision
    (or a draft, with `live=False`)."""
    page = BlogPostPageFactory(
        parent=country,
        title=title,
        slug=title.lower().replace(" ", "-"),
        intro=f"About {title}",
        language=language,
        published_at=timezone.now() - timezone.timedelta(days=days_ago),
        live=live,
        tags=tags,
    )
    if live:
        page.save_revision().publish()
    return page
