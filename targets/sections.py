"""What national targets add to a country's page (`community.sections`): how
many targets the country has published, how they stand, and the way to its
targets page. One query."""

from django.db.models import Count
from django.urls import reverse

from core.translation_source import source_page

from .models import NationalTarget, TargetStatus


def country_targets_context(request, country) -> dict:
    source = source_page(country)
    counts = dict(
        NationalTarget.objects.published()
        .of_country(source)
        .values_list("status")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {
        "national_targets_count": sum(counts.values()),
        "national_targets_summary": [
            (value, label, counts[value])
            for value, label in TargetStatus.choices
            if counts.get(value)
        ],
        "national_targets_url": reverse("targets:country", args=[source.iso_code]),
    }
