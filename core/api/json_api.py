"""The small toolkit of the non-Wagtail JSON endpoints: strict query parsing
(unknown or malformed parameters are a 400 with a JSON body), limit/offset
pagination in Wagtail's shape (`meta.total_count`, `items`), Last-Modified.

Views built with it answer GET only and never read the user: what they list
is what an anonymous visitor may see."""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.utils import timezone
from django.utils.http import http_date
from django.views.decorators.http import require_safe

DEFAULT_LIMIT = 20
# Offsets past this are refused rather than sent to the database, where a
# 20-digit number would overflow (Wagtail's endpoints have the same bound).
MAX_OFFSET = 1_000_000
# The largest id a query parameter may name (twelve digits).
MAX_ID = 999_999_999_999
PAGING = ("limit", "offset")
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class BadQuery(Exception):
    """A client error in the query string; its message is shown as is."""


def bad_request(message: str) -> JsonResponse:
    return JsonResponse({"message": message}, status=400)


def json_endpoint(*allowed: str) -> Callable:
    """GET only; refuses parameters outside `allowed` (plus limit/offset) and
    turns a BadQuery raised by the view into a 400."""

    known = set(allowed) | set(PAGING)

    def decorator(view):
        @require_safe
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            unknown = sorted(set(request.GET) - known)
            if unknown:
                return bad_request(
                    "query parameter is not supported: " + ", ".join(unknown)
                )
            for key, values in request.GET.lists():
                if len(values) > 1:
                    return bad_request(f"give {key} only once")
                if "\x00" in values[0]:
                    return bad_request(f"null characters are not allowed in {key}")
            try:
                return view(request, *args, **kwargs)
            except BadQuery as error:
                return bad_request(str(error))

        return wrapped

    return decorator


def non_negative(request, name: str, default: int, maximum: int) -> int:
    raw = request.GET.get(name)
    if raw is None:
        return default
    if not raw.isascii() or not raw.isdigit():  # "" included
        raise BadQuery(f"{name} must be a positive integer")
    value = int(raw)
    if value > maximum:
        raise BadQuery(f"{name} cannot be higher than {maximum}")
    return value


def day(request, name: str) -> datetime | None:
    """The day named by `name`, or None when it is absent; present but empty
    is no date either, and refused like any other."""
    raw = request.GET.get(name)
    if raw is None:
        return None
    try:
        if not ISO_DAY.fullmatch(raw):  # fromisoformat also takes 20260101
            raise ValueError(raw)
        parsed = date.fromisoformat(raw)
    except ValueError as error:
        raise BadQuery(f"{name} must be a date (YYYY-MM-DD)") from error
    return timezone.make_aware(datetime.combine(parsed, time.min))


def integer(request, name: str) -> int | None:
    raw = request.GET.get(name)
    if raw is None:
        return None
    if not raw.isascii() or not raw.isdigit() or len(raw) > len(str(MAX_ID)):
        raise BadQuery(f"{name} must be a positive integer")
    value = int(raw)
    if value < 1:
        raise BadQuery(f"{name} must be a positive integer")
    if value > MAX_ID:
        raise BadQuery(f"{name} cannot be higher than {MAX_ID}")
    return value


@dataclass
class Listing:
    total_count: int
    items: list[dict]
    last_modified: datetime | None = None


def paginate(
    request, queryset, serialize: Callable, newest_field: str | None
) -> Listing:
    """A page of a queryset that must already be in a stable total order;
    `newest_field` (a datetime attribute) dates it for Last-Modified."""
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 100)
    limit = non_negative(request, "limit", min(DEFAULT_LIMIT, limit_max), limit_max)
    offset = non_negative(request, "offset", 0, MAX_OFFSET)
    total = queryset.count()
    objects = list(queryset[offset : offset + limit])
    moments = (
        [getattr(obj, newest_field, None) for obj in objects] if newest_field else []
    )
    newest = max((m for m in moments if isinstance(m, datetime)), default=None)
    return Listing(total, [serialize(obj) for obj in objects], newest)


def listing_response(listing: Listing) -> JsonResponse:
    response = JsonResponse(
        {"meta": {"total_count": listing.total_count}, "items": listing.items}
    )
    return with_last_modified(response, listing.last_modified)


def with_last_modified(response, moment: datetime | None):
    if moment:
        response["Last-Modified"] = http_date(moment.timestamp())
    return response


def iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def absolute(path: str) -> str:
    return settings.SITE_BASE_URL + path


def names(values: Iterable) -> list[str]:
    return sorted(str(value) for value in values)
