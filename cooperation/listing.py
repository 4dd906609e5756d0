"""The filters of the request and offer lists (and of their feeds).

Types of assistance and languages are short JSON lists; matching one code in
the list's text works the same on PostgreSQL and SQLite (the codes come from a
fixed vocabulary, so `"fr"` cannot match anything else).
"""

from django.db.models import TextField
from django.db.models.functions import Cast

from community.models import RegionPage

from .models import CooperationOffer, CooperationRequest


def _with_code(queryset, field: str, code: str):
    alias = f"{field}_text"
    return queryset.alias(**{alias: Cast(field, TextField())}).filter(
        **{f"{alias}__contains": f'"{code}"'}
    )


def filter_requests(queryset, filters: dict):
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    if filters.get("subject"):
        queryset = queryset.filter(subjects__tag__slug=filters["subject"])
    if filters.get("region"):
        region = RegionPage.objects.filter(slug=filters["region"]).first()
        queryset = queryset.in_region(region) if region else queryset.none()
    if filters.get("type"):
        queryset = _with_code(queryset, "assistance_types", filters["type"])
    if filters.get("language"):
        queryset = _with_code(queryset, "languages", filters["language"])
    return queryset


def filter_offers(queryset, filters: dict):
    if filters.get("subject"):
        queryset = queryset.filter(subjects__tag__slug=filters["subject"])
    if filters.get("region"):
        region = RegionPage.objects.filter(slug=filters["region"]).first()
        queryset = queryset.covering(region) if region else queryset.none()
    if filters.get("type"):
        queryset = _with_code(queryset, "assistance_types", filters["type"])
    if filters.get("language"):
        queryset = _with_code(queryset, "languages", filters["language"])
    return queryset


def requests_list(filters: dict):
    return filter_requests(CooperationRequest.objects.all(), filters).for_listing()


def offers_list(filters: dict):
    return filter_offers(CooperationOffer.objects.active(), filters).for_listing()
