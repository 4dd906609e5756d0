"""What the embeddable widgets show: the latest news of a country, the latest
topics of a public forum, new toolkits. Each item is a title, a date and a
link, in the language asked for when the page has a translation in it."""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from wagtail.models import Page

KINDS = ("news", "topics", "toolkits")
MAX_ITEMS = 20
DEFAULT_ITEMS = 5


@dataclass(frozen=True)
class WidgetItem:
    title: str
    url: str
    date: datetime | None


def _translated(pages: list, language: str) -> list:
    """Swap each page for its live translation in `language`, if it has one."""
    keys = [page.translation_key for page in pages]
    translations = {
        page.translation_key: page
        for page in Page.objects.live()
        .public()
        .filter(translation_key__in=keys, locale__language_code=language)
    }
    return [translations.get(page.translation_key, page) for page in pages]


def _absolute(url: str | None) -> str:
    if url and url.startswith("/"):
        return settings.SITE_BASE_URL + url
    return url or settings.SITE_BASE_URL


def latest_news(iso_code: str, language: str, limit: int) -> list[WidgetItem]:
    from blog.models import BlogPostPage

    posts = list(
        BlogPostPage.objects.published()
        .filter(country__iso_code__iexact=iso_code)
        .newest_first()[:limit]
    )
    dates = [post.published_at for post in posts]
    return [
        WidgetItem(page.title, _absolute(page.get_url()), moment)
        for page, moment in zip(_translated(posts, language), dates, strict=True)
    ]


def latest_topics(forum_slug: str, limit: int) -> list[WidgetItem]:
    from forum.models import Topic
    from forum.models.forum import forum_root_url

    root = forum_root_url()
    topics = (
        Topic.objects.visible_to(AnonymousUser())
        .filter(forum__slug=forum_slug)
        .select_related("forum")
        .order_by("-last_post_at", "-pk")[:limit]
    )
    return [
        WidgetItem(
            topic.title, _absolute(topic.get_absolute_url(root)), topic.last_post_at
        )
        for topic in topics
    ]


def new_toolkits(language: str, limit: int) -> list[WidgetItem]:
    from toolkits.models import ToolkitPage

    toolkits = list(
        ToolkitPage.objects.published()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .recently_added()[:limit]
    )
    dates = [toolkit.first_published_at for toolkit in toolkits]
    return [
        WidgetItem(page.title, _absolute(page.get_url()), moment)
        for page, moment in zip(_translated(toolkits, language), dates, strict=True)
    ]


def widget_items(
    kind: str, *, language: str, limit: int, country: str = "", forum: str = ""
) -> list[WidgetItem]:
    if kind == "news":
        return latest_news(country, language, limit)
    if kind == "topics":
        return latest_topics(forum, limit)
    return new_toolkits(language, limit)
