"""RSS and Atom feeds of progress updates on published national targets:
the whole network's, a country's, and those under one global target."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _
from wagtail.models import Locale

from community.models import CountryPage
from core.syndication import SiteFeed
from translations.names import place_name

from .models import GlobalTarget, ProgressUpdate, Publication, TargetStatus

FEED_ITEMS = 30


def published_updates():
    return ProgressUpdate.objects.filter(
        national_target__publication=Publication.PUBLISHED
    ).select_related("national_target__country")


class ProgressFeed(SiteFeed):
    def get_object(self, request, **kwargs):
        return None

    def title(self, obj) -> str:
        return _("CHM Commons: progress on national targets")

    def description(self, obj) -> str:
        return _(
            "Progress updates of the Parties' national targets for the "
            "Global Biodiversity Framework."
        )

    def link(self, obj) -> str:
        return reverse("targets:gbf")

    def updates(self, obj):
        return published_updates()

    def items(self, obj):
        return self.updates(obj).order_by("-created_at", "-pk")[:FEED_ITEMS]

    def item_title(self, item) -> str:
        target = item.national_target
        return _("%(country)s, %(title)s: %(status)s") % {
            "country": place_name(target.country),
            "title": target.title,
            "status": TargetStatus(item.status).label,
        }

    def item_link(self, item) -> str:
        return item.get_absolute_url()

    def item_guid(self, item) -> str:
        return f"{settings.SITE_BASE_URL}/target-progress/{item.pk}"

    def item_pubdate(self, item):
        return item.created_at

    def item_description(self, item) -> str:
        return linebreaks(escape(item.note)) if item.note else ""


class CountryProgressFeed(ProgressFeed):
    def get_object(self, request, iso: str):
        return get_object_or_404(
            CountryPage.objects.live(),
            iso_code=iso.upper(),
            locale=Locale.get_default(),
            alias_of__isnull=True,
        )

    def title(self, obj) -> str:
        return _("CHM Commons: progress on the national targets of %(country)s") % {
            "country": place_name(obj)
        }

    def link(self, obj) -> str:
        return reverse("targets:country", args=[obj.iso_code.lower()])

    def updates(self, obj):
        return published_updates().filter(national_target__country=obj)


class GlobalTargetProgressFeed(ProgressFeed):
    def get_object(self, request, number: int):
        return get_object_or_404(GlobalTarget, number=number)

    def title(self, obj) -> str:
        return _("CHM Commons: progress towards global target %(number)s") % {
            "number": obj.number
        }

    def link(self, obj) -> str:
        return obj.get_absolute_url()

    def updates(self, obj):
        return published_updates().filter(national_target__global_targets=obj)
