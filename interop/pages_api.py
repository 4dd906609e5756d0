"""Wagtail's API v2 for pages, documents and images, as anonymous visitors see
them, with the network's filters (country, region, tag, subject, language,
dates), JSON only, and a JSON 400 for every malformed query."""

from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import DataError
from django.db.models import Max
from django.utils import timezone
from django.utils.http import http_date
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page

from core.api.json_api import MAX_OFFSET

NETWORK_FILTERS = ("country", "region", "tag", "subject", "language", "since", "until")


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "0")
        if offset.isdigit() and int(offset) > MAX_OFFSET:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class StableOrderingFilter(OrderingFilter):
    """`order=title` alone leaves ties in any order, so pages would repeat or
    vanish between offsets: the id breaks them."""

    def filter_queryset(self, request, queryset, view):
        queryset = super().filter_queryset(request, queryset, view)
        order = request.GET.get("order", "")
        if order and order != "random" and "id" not in order.replace("-", ""):
            queryset = queryset.order_by(*queryset.query.order_by, "id")
        return queryset


class PlainFieldsFilter(FieldsFilter):
    """Wagtail's `?field=value` filters, minus the names the network filters
    own (`country=BJ` is an ISO code, not a page id)."""

    def filter_queryset(self, request, queryset, view):
        get = request.GET.copy()
        for name in NETWORK_FILTERS:
            get.pop(name, None)
        original, request._request.GET = request._request.GET, get
        try:
            return super().filter_queryset(request, queryset, view)
        finally:
            request._request.GET = original


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - FieldDoesNotExist and friends
        return False
    return True


def _parse_day(value: str, name: str) -> datetime:
    try:
        day = date.fromisoformat(value)
    except ValueError as error:
        raise BadRequestError(f"{name} must be a date (YYYY-MM-DD)") from error
    return timezone.make_aware(datetime.combine(day, time.min))


class NetworkFilter:
    """country (ISO code), region (slug), tag (slug), subject (CBD code),
    language and since/until (dates) on whichever page type supports them; a
    filter the type cannot take is a 400, not a silent no-op."""

    def filter_queryset(self, request, queryset, view):
        from community.models import CountryPage, RegionPage

        model = queryset.model
        params = request.GET

        def refuse(name):
            raise BadRequestError(
                f"filter '{name}' is not available for this type: give "
                "type=blog.BlogPostPage, toolkits.ToolkitPage or "
                "community.CountryPage"
            )

        if iso := params.get("country"):
            if _has_field(model, "country"):
                queryset = queryset.filter(country__iso_code__iexact=iso)
            elif model is CountryPage:
                queryset = queryset.filter(iso_code__iexact=iso)
            else:
                refuse("country")
        if slug := params.get("region"):
            region = RegionPage.objects.filter(slug=slug).first()
            if _has_field(model, "region"):
                queryset = queryset.filter(region=region)
            elif region is None:
                queryset = queryset.none()
            else:
                queryset = queryset.descendant_of(region)
        if slug := params.get("tag"):
            if not _has_field(model, "tags"):
                refuse("tag")
            queryset = queryset.filter(tags__slug=slug).distinct()
        if code := params.get("subject"):
            if not _has_field(model, "tags"):
                refuse("subject")
            queryset = queryset.filter(tags__subject__code__iexact=code).distinct()
        if language := params.get("language"):
            if hasattr(queryset, "in_language"):
                queryset = queryset.in_language(language)
            elif _has_field(model, "language"):
                queryset = queryset.filter(language=language)
            else:
                queryset = queryset.filter(locale__language_code=language)
        date_field = (
            "published_at"
            if _has_field(model, "published_at")
            else "publication_date"
            if _has_field(model, "publication_date")
            else "first_published_at"
        )
        if value := params.get("since"):
            moment = _parse_day(value, "since")
            if date_field == "publication_date":
                moment = moment.date()
            queryset = queryset.filter(**{f"{date_field}__gte": moment})
        if value := params.get("until"):
            moment = _parse_day(value, "until")
            if date_field == "publication_date":
                queryset = queryset.filter(**{f"{date_field}__lte": moment.date()})
            else:
                queryset = queryset.filter(
                    **{f"{date_field}__lt": moment + timezone.timedelta(days=1)}
                )
        return queryset


class ReadOnlyEndpoint:
    """Anonymous, JSON only, and any database refusal of a malformed value is
    the client's error (400), not the server's."""

    renderer_classes = [JSONRenderer]
    authentication_classes = []
    permission_classes = [AllowAny]
    pagination_class = BoundedPagination

    def handle_exception(self, exc):
        if isinstance(exc, DataError | ValidationError | ValueError | OverflowError):
            exc = BadRequestError("malformed query parameter")
        return super().handle_exception(exc)

    def check_query_parameters(self, queryset):
        for key, value in self.request.GET.items():
            if "\x00" in key or "\x00" in value:
                raise BadRequestError("null characters are not allowed")
        return super().check_query_parameters(queryset)


class NetworkPagesAPIViewSet(ReadOnlyEndpoint, PagesAPIViewSet):
    filter_backends = [
        PlainFieldsFilter,
        NetworkFilter,
        *PagesAPIViewSet.filter_backends[1:4],
        StableOrderingFilter,
        *PagesAPIViewSet.filter_backends[5:],
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(
        NETWORK_FILTERS
    )

    def get_queryset(self):
        """A type's own listing prefetch (tags, authors, places), so a page of
        100 costs a handful of queries, not several per item."""
        queryset = super().get_queryset().select_related("locale")
        if hasattr(queryset, "for_listing"):
            queryset = queryset.for_listing()
            if _has_field(queryset.model, "tags"):
                queryset = queryset.prefetch_related("tags__subject")
        return queryset

    def listing_view(self, request):
        response = super().listing_view(request)
        newest = (
            self.filter_queryset(self.get_queryset())
            .order_by()
            .aggregate(newest=Max("last_published_at"))["newest"]
            if "search" not in request.GET
            else None
        )
        if newest:
            response["Last-Modified"] = http_date(newest.timestamp())
        return response

    def detail_view(self, request, pk):
        response = super().detail_view(request, pk)
        page: Page = self.get_object()
        if page.last_published_at:
            response["Last-Modified"] = http_date(page.last_published_at.timestamp())
        return response


class NetworkDocumentsAPIViewSet(ReadOnlyEndpoint, DocumentsAPIViewSet):
    pass


class NetworkImagesAPIViewSet(ReadOnlyEndpoint, ImagesAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", NetworkPagesAPIViewSet)
api_router.register_endpoint("documents", NetworkDocumentsAPIViewSet)
api_router.register_endpoint("images", NetworkImagesAPIViewSet)
