"""RSS 2.0 and Atom feeds of national news: all, per region, per country, per tag.

Each feed runs a constant number of queries (see `BlogPostQuerySet.for_listing`)
and is cached for a few minutes by its URL route.
"""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Locale

from community.models import CountryPage, RegionPage
from core.syndication import SiteFeed
from translations.names import place_name

from .models import BlogPostPage

FEED_ITEMS = 30


class NewsFeed(SiteFeed):
    # The scope of the feed: None (all news), a region, a country or a tag.
    def get_object(self, request, **kwargs):
        return None

    def filters(self, obj) -> dict:
        return {}

    def title(self, obj) -> str:
        return _("CHM Commons: news from the network")

    def description(self, obj) -> str:
        return _("National news from the focal points of the CHM network.")

    def link(self, obj) -> str:
        return "/"

    def items(self, obj):
        return (
            BlogPostPage.objects.published()
            .filter(**self.filters(obj))
            .for_listing()
            .newest_first()[:FEED_ITEMS]
        )

    def item_title(self, item: BlogPostPage) -> str:
        return item.title

    def item_link(self, item: BlogPostPage) -> str:
        return item.get_url(request=self.request)

    def item_guid(self, item: BlogPostPage) -> str:
        # Stable across slug changes and moves.
        return f"{settings.SITE_BASE_URL}/news/{item.pk}"

    def item_pubdate(self, item: BlogPostPage):
        return item.published_at

    def item_updateddate(self, item: BlogPostPage):
        return item.last_published_at or item.published_at

    def item_categories(self, item: BlogPostPage) -> list[str]:
        return [tag.name for tag in item.tags.all()]

    def item_author_name(self, item: BlogPostPage) -> str:
        names = item.author_names
        if names:
            return ", ".join(names)
        if item.source_name:
            return item.source_name
        return place_name(item.country)

    def item_description(self, item: BlogPostPage) -> str:
        # The intro is plain text: escaped, it is safe HTML for any reader.
        summary = f"<p>{escape(item.intro)}</p>"
        if item.source_url:
            summary += '<p><a href="{}">{}</a></p>'.format(
                escape(item.source_url),
                escape(
                    _("Original on %(site)s")
                    % {"site": item.source_name or item.source_url}
                ),
            )
        return summary


class RegionNewsFeed(NewsFeed):
    def get_object(self, request, slug: str):
        return get_object_or_404(
            RegionPage.objects.live(), slug=slug, locale=Locale.get_default()
        )

    def filters(self, obj) -> dict:
        return {"region": obj}

    def title(self, obj) -> str:
        return _("CHM Commons: news from %(region)s") % {"region": place_name(obj)}

    def description(self, obj) -> str:
        return _("National news from the countries of %(region)s.") % {
            "region": place_name(obj)
        }

    def link(self, obj) -> str:
        return obj.get_url(request=self.request)


class CountryNewsFeed(NewsFeed):
    def get_object(self, request, iso: str):
        return get_object_or_404(
            CountryPage.objects.live(),
            iso_code=iso.upper(),
            locale=Locale.get_default(),
        )

    def filters(self, obj) -> dict:
        return {"country": obj}

    def title(self, obj) -> str:
        return _("CHM Commons: news from %(country)s") % {"country": place_name(obj)}

    def description(self, obj) -> str:
        return _("News from the national CHM of %(country)s.") % {
            "country": place_name(obj)
        }

    def link(self, obj) -> str:
        return obj.get_url(request=self.request)


class TagNewsFeed(NewsFeed):
    def get_object(self, request, slug: str):
        return get_object_or_404(Tag, slug=slug)

    def filters(self, obj) -> dict:
        return {"tags": obj}

    def title(self, obj) -> str:
        return _("CHM Commons: %(tag)s") % {"tag": obj.name}

    def description(self, obj) -> str:
        return _("News of the CHM network tagged “%(tag)s”.") % {"tag": obj.name}

    def link(self, obj) -> str:
        return reverse("tagging:tag", args=[obj.slug])
