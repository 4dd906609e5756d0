"""What may help a national target that is off track: the toolkits and the
experts of its CBD subjects (those of its global targets and its own)."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Q

from community.models import Subject
from toolkits.models import ToolkitPage

from .models import NationalTarget

SUGGESTED = 5


def subjects_of(target: NationalTarget) -> list[Subject]:
    """The target's subjects: its global targets' and its own."""
    return list(
        Subject.objects.filter(
            Q(global_targets__national_targets=target)
            | Q(pk__in=target.subjects.values("pk"))
        )
        .select_related("tag")
        .distinct()
    )


def subject_tag_ids(target: NationalTarget) -> set[int]:
    return {s.tag_id for s in subjects_of(target)}


def suggested_toolkits(tag_ids: set[int], limit: int = SUGGESTED):
    if not tag_ids:
        return []
    return list(
        ToolkitPage.objects.live()
        .filter(tagged_items__tag_id__in=tag_ids)
        .annotate(shared=Count("tagged_items", distinct=True))
        .order_by("-shared", "-first_published_at", "pk")
        .only("title", "url_path", "path", "depth", "locale", "summary")[:limit]
    )


def suggested_experts(tag_ids: set[int], limit: int = SUGGESTED):
    if not tag_ids:
        return []
    User = get_user_model()
    return list(
        User.objects.listed()
        .filter(tagged_expertise__tag_id__in=tag_ids)
        .annotate(shared=Count("tagged_expertise", distinct=True))
        .select_related("country")
        .order_by("-shared", "date_joined", "pk")[:limit]
    )
