"""What every page that lists news puts in its context."""

from django.urls import reverse

from core.translation_source import source_page

from .models import BlogPostPage, FeedHarvest, paginate_news

PROFILE_NEWS = 5


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


def country_news_context(request, country) -> dict:
    """The country page's news: a translated country shows its source's."""
    return news_context(request, country=source_page(country))


def region_news_context(request, region) -> dict:
    """The region page's news: a translated region shows its source's."""
    return news_context(request, region=source_page(region))


def country_harvest_context(request, country) -> dict:
    """For those who manage the country: the last harvest of its feed."""
    return {"feed_harvest": FeedHarvest.objects.filter(country=country).first()}


def member_news_context(request, member, limit: int = PROFILE_NEWS) -> dict:
    """A member's profile: the newest posts they wrote."""
    return {
        "news": BlogPostPage.objects.published()
        .filter(post_authors__author=member)
        .distinct()
        .order_by("-published_at")[:limit]
    }
