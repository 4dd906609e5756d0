"""What the notifications app asks before telling a member about another
(registered in MessagingConfig.ready)."""

from .models import Block


def blockers_among(actor_id: int, recipient_ids: set[int]) -> set[int]:
    """Of `recipient_ids`, the members who block `actor_id`."""
    return set(
        Block.objects.filter(
            blocked_id=actor_id, blocker_id__in=recipient_ids
        ).values_list("blocker_id", flat=True)
    )
