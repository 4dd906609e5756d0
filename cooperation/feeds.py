"""RSS and Atom feeds of new cooperation requests and offers (all, per CBD
subject, per region) and of case studies (closed requests)."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from community.models import RegionPage, Subject
from core.syndication import SiteFeed
from translations.names import place_name, subject_name

from .listing import filter_offers, filter_requests
from .models import CooperationOffer, CooperationRequest, Status

FEED_ITEMS = 30


class _Scoped:
    """`obj` is None (everything), a Subject or a RegionPage."""

    def filters(self, obj) -> dict:
        if isinstance(obj, Subject):
            return {"subject": obj.tag.slug}
        if isinstance(obj, RegionPage):
            return {"region": obj.slug}
        return {}

    def scope_name(self, obj) -> str:
        return (
            subject_name(obj.tag.name) if isinstance(obj, Subject) else place_name(obj)
        )


class SubjectScope:
    def get_object(self, request, slug: str):
        return get_object_or_404(Subject.objects.select_related("tag"), tag__slug=slug)


class RegionScope:
    def get_object(self, request, slug: str):
        return get_object_or_404(RegionPage, slug=slug)


class RequestsFeed(_Scoped, SiteFeed):
    def get_object(self, request, **kwargs):
        return None

    def title(self, obj) -> str:
        if obj is None:
            return _("CHM Commons: cooperation requests")
        return _("CHM Commons: cooperation requests, %(scope)s") % {
            "scope": self.scope_name(obj)
        }

    def description(self, obj) -> str:
        return _("Countries asking the network for technical and scientific help.")

    def link(self, obj) -> str:
        return reverse("cooperation:requests")

    def items(self, obj):
        queryset = filter_requests(CooperationRequest.objects.all(), self.filters(obj))
        return queryset.select_related("country").prefetch_related("subjects__tag")[
            :FEED_ITEMS
        ]

    def item_title(self, item) -> str:
        return f"{place_name(item.country)}: {item.title}"

    def item_link(self, item) -> str:
        return item.get_absolute_url()

    def item_guid(self, item) -> str:
        return f"{settings.SITE_BASE_URL}/cooperation-request/{item.pk}"

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item) -> list[str]:
        return [
            item.get_status_display(),
            *(s.tag.name for s in item.subjects.all()),
        ]

    def item_description(self, item) -> str:
        # Plain text, escaped: members write it without markup.
        return linebreaks(escape(item.problem))


class SubjectRequestsFeed(SubjectScope, RequestsFeed):
    pass


class RegionRequestsFeed(RegionScope, RequestsFeed):
    pass


class CaseStudiesFeed(RequestsFeed):
    def title(self, obj) -> str:
        return _("CHM Commons: cooperation case studies")

    def description(self, obj) -> str:
        return _("Completed cooperation between countries: outcomes and lessons.")

    def link(self, obj) -> str:
        return reverse("cooperation:case_studies")

    def items(self, obj):
        return (
            CooperationRequest.objects.filter(status=Status.CLOSED)
            .select_related("country")
            .prefetch_related("subjects__tag")
            .order_by("-closed_at", "-pk")[:FEED_ITEMS]
        )

    def item_guid(self, item) -> str:
        return f"{settings.SITE_BASE_URL}/cooperation-case-study/{item.pk}"

    def item_pubdate(self, item):
        return item.closed_at

    def item_description(self, item) -> str:
        return "".join(
            [
                f"<h3>{escape(_('Outcome'))}</h3>",
                linebreaks(escape(item.outcome)),
                f"<h3>{escape(_('Lessons learned'))}</h3>",
                linebreaks(escape(item.lessons_learned)),
            ]
        )


class OffersFeed(_Scoped, SiteFeed):
    def get_object(self, request, **kwargs):
        return None

    def title(self, obj) -> str:
        if obj is None:
            return _("CHM Commons: cooperation offers")
        return _("CHM Commons: cooperation offers, %(scope)s") % {
            "scope": self.scope_name(obj)
        }

    def description(self, obj) -> str:
        return _("Members, organisations and countries offering their help.")

    def link(self, obj) -> str:
        return reverse("cooperation:offers")

    def items(self, obj):
        queryset = filter_offers(CooperationOffer.objects.active(), self.filters(obj))
        return queryset.select_related("offered_by", "country").prefetch_related(
            "subjects__tag"
        )[:FEED_ITEMS]

    def item_title(self, item) -> str:
        return item.title

    def item_link(self, item) -> str:
        return item.get_absolute_url()

    def item_guid(self, item) -> str:
        return f"{settings.SITE_BASE_URL}/cooperation-offer/{item.pk}"

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item) -> str:
        return item.provider_name()

    def item_categories(self, item) -> list[str]:
        return [s.tag.name for s in item.subjects.all()]

    def item_description(self, item) -> str:
        return linebreaks(escape(item.description))


class SubjectOffersFeed(SubjectScope, OffersFeed):
    pass


class RegionOffersFeed(RegionScope, OffersFeed):
    pass
