"""Counting downloads: exact under concurrency, one UPDATE per counter, and
once per client per day.

A client (a signed-in member, or else an address as the rate limits see it)
downloading the same file again the same day is not counted again, so the
counts say how many people fetched a toolkit rather than how many GETs a
script sent.
"""

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import ToolkitPage, ToolkitResource

# A day's "already counted" marks outlive the day a little, whatever the hour.
SEEN_SECONDS = 25 * 60 * 60


def downloadable_resources():
    """Files of live, public toolkits: nothing else may be downloaded."""
    return ToolkitResource.objects.filter(
        kind=ToolkitResource.Kind.DOCUMENT,
        page__in=ToolkitPage.objects.published().values("pk"),
    ).exclude(file="")


def reviewable_resource(user, pk: int) -> ToolkitResource | None:
    """A file of an unpublished toolkit, for someone who may edit the toolkit
    (its reviewers); None for anyone else."""
    if not user.is_authenticated:
        return None
    resource = (
        ToolkitResource.objects.filter(kind=ToolkitResource.Kind.DOCUMENT, pk=pk)
        .exclude(file="")
        .select_related("page")
        .first()
    )
    if resource is None or not resource.page.permissions_for_user(user).can_edit():
        return None
    return resource


def first_time_today(client: str, scope: str, pk: int) -> bool:
    """True the first time `client` asks for this object on this (UTC) day.

    `cache.add` is atomic on Redis, so concurrent requests from one client
    count once across every server process.
    """
    day = timezone.now().date().isoformat()
    return cache.add(f"downloads:{scope}:{pk}:{day}:{client}", 1, SEEN_SECONDS)


def record_download(resource: ToolkitResource, client: str) -> None:
    """Count one download of `resource` and of its toolkit by `client`.

    `client` identifies who downloads (`core.throttling.requester_key`): each
    counter moves at most once per client per day. Both counters move with
    `F()` in the database, never read-modify-write, so concurrent downloads
    are all counted; the updates go through the content QuerySets, which tell
    the page cache that the pages showing the counts are stale.
    """
    new_for_resource = first_time_today(client, "resource", resource.pk)
    new_for_toolkit = first_time_today(client, "toolkit", resource.page_id)
    if not (new_for_resource or new_for_toolkit):
        return
    with transaction.atomic():
        if new_for_resource:
            ToolkitResource.objects.filter(pk=resource.pk).update(
                download_count=F("download_count") + 1
            )
        if new_for_toolkit:
            ToolkitPage.objects.filter(pk=resource.page_id).update(
                download_count=F("download_count") + 1
            )
