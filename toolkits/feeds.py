"""RSS 2.0 and Atom feeds of new toolkits: all, per library, per tag.

Each feed runs a constant number of queries and is cached for a few minutes by
its URL route (see feed_urls.py).
"""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _
from taggit.models import Tag
from wagtail.models import Locale

from core.syndication import SiteFeed

from .models import ToolkitLibraryPage, ToolkitPage

FEED_ITEMS = 30


class ToolkitFeed(SiteFeed):
    # The scope of the feed: None (every library), a library or a tag.
    def get_object(self, request, **kwargs):
        return None

    def scope(self, queryset, obj):
        return queryset

    def title(self, obj) -> str:
        return _("CHM Commons: new toolkits")

    def description(self, obj) -> str:
        return _("Capacity-building toolkits newly published in the CHM network.")

    def link(self, obj) -> str:
        library = ToolkitLibraryPage.objects.live().order_by("path").first()
        return library.get_url(request=self.request) if library else "/"

    def items(self, obj):
        return (
            self.scope(ToolkitPage.objects.published(), obj)
            .for_listing()
            .recently_added()[:FEED_ITEMS]
        )

    def item_title(self, item: ToolkitPage) -> str:
        return item.title

    def item_link(self, item: ToolkitPage) -> str:
        return item.get_url(request=self.request)

    def item_guid(self, item: ToolkitPage) -> str:
        # Stable across slug changes and moves.
        return f"{settings.SITE_BASE_URL}/toolkits/{item.pk}"

    def item_pubdate(self, item: ToolkitPage):
        return item.first_published_at

    def item_updateddate(self, item: ToolkitPage):
        return item.last_published_at or item.first_published_at

    def item_categories(self, item: ToolkitPage) -> list[str]:
        return [tag.name for tag in item.tags.all()]

    def item_author_name(self, item: ToolkitPage) -> str:
        return item.authors or item.publisher

    def item_description(self, item: ToolkitPage) -> str:
        # The summary is plain text: escaped, it is safe HTML for any reader.
        parts = [f"<p>{escape(item.summary)}</p>"]
        facts = [
            _("Capacity levels %(first)s to %(last)s")
            % {"first": item.min_level, "last": item.max_level}
        ]
        if item.language_names:
            facts.append(", ".join(item.language_names))
        parts.append(f"<p>{escape(' · '.join(facts))}</p>")
        return "".join(parts)


class LibraryToolkitFeed(ToolkitFeed):
    def get_object(self, request, slug: str):
        return get_object_or_404(
            ToolkitLibraryPage.objects.live(), slug=slug, locale=Locale.get_default()
        )

    def scope(self, queryset, obj):
        return queryset.child_of(obj)

    def title(self, obj) -> str:
        return _("CHM Commons: new toolkits in %(library)s") % {"library": obj.title}

    def description(self, obj) -> str:
        return _("Toolkits newly published in %(library)s.") % {"library": obj.title}

    def link(self, obj) -> str:
        return obj.get_url(request=self.request)


class TagToolkitFeed(ToolkitFeed):
    def get_object(self, request, slug: str):
        return get_object_or_404(Tag, slug=slug)

    def scope(self, queryset, obj):
        return queryset.with_subject(obj.slug)

    def title(self, obj) -> str:
        return _("CHM Commons: toolkits on %(tag)s") % {"tag": obj.name}

    def description(self, obj) -> str:
        return _("Toolkits of the CHM network tagged “%(tag)s”.") % {"tag": obj.name}

    def link(self, obj) -> str:
        return reverse("tagging:tag", args=[obj.slug])
