"""Counting downloads: exact under concurrency, one UPDATE per counter."""

from django.db import transaction
from django.db.models import F

from .models import ToolkitPage, ToolkitResource


def downloadable_resources():
    """Files of live, public toolkits: nothing else may be downloaded."""
    return ToolkitResource.objects.filter(
        kind=ToolkitResource.Kind.DOCUMENT,
        page__in=ToolkitPage.objects.published().values("pk"),
    ).exclude(file="")


def record_download(resource: ToolkitResource) -> None:
    """Count one download of `resource` and of its toolkit.

    Both counters move with `F()` in the database, never read-modify-write, so
    concurrent downloads are all counted.
    """
    with transaction.atomic():
        ToolkitResource.objects.filter(pk=resource.pk).update(
            download_count=F("download_count") + 1
        )
        ToolkitPage.objects.filter(pk=resource.page_id).update(
            download_count=F("download_count") + 1
        )
