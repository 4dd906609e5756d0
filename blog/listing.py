"""What every page that lists news puts in its context."""

from django.urls import reverse

from .models import BlogPostPage, paginate_news


def news_context(request, **filters) -> dict:
    posts = (
        BlogPostPage.objects.published().filter(**filters).for_listing().newest_first()
    )
    return {"news": paginate_news(request, posts)}


def latest_news(limit: int = 8):
    return BlogPostPage.objects.published().for_listing().newest_first()[:limit]


def news_for_tag(request, tag) -> dict:
    return {
        **news_context(request, tags=tag),
        "rss": reverse("blog:tag_rss", args=[tag.slug]),
        "atom": reverse("blog:tag_atom", args=[tag.slug]),
    }
