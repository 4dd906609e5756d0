"""Members who asked not to hear from another member.

Blocking is a messaging feature (messaging.Block), but a block must also stop
the blocked member's mentions, quotes, replies and likes from reaching the
blocker's bell and email. This app knows no content app, so the apps that keep
blocks register a lookup here from their `AppConfig.ready()`, and delivery asks
them all before anything is stored.
"""

from collections.abc import Callable, Iterable

from .kinds import is_unblockable

# (actor id, candidate recipient ids) -> the candidates who block the actor.
BlockLookup = Callable[[int, set[int]], set[int]]

_lookups: list[BlockLookup] = []

# Notices a block does not silence (a moderator's decision on your post, a page
# waiting for your review: duties, not conversation) are the kinds registered
# as unblockable (kinds.py).


def register_block_lookup(lookup: BlockLookup) -> None:
    if lookup not in _lookups:
        _lookups.append(lookup)


def blockers_of(actor_id: int | None, recipient_ids: Iterable[int]) -> set[int]:
    """Of `recipient_ids`, those who block `actor_id`."""
    candidates = set(recipient_ids) - {actor_id}
    if actor_id is None or not candidates:
        return set()
    found: set[int] = set()
    for lookup in _lookups:
        found |= lookup(actor_id, candidates)
    return found & candidates


def without_blocked(drafts: list) -> list:
    """Drop the drafts whose recipient blocks their actor (one lookup per
    actor, and an event has one)."""
    by_actor: dict[int, set[int]] = {}
    for draft in drafts:
        if draft.actor_id is not None and not is_unblockable(draft.kind):
            by_actor.setdefault(draft.actor_id, set()).add(draft.recipient_id)
    silenced = {
        (actor_id, blocker)
        for actor_id, recipients in by_actor.items()
        for blocker in blockers_of(actor_id, recipients)
    }
    return [
        draft
        for draft in drafts
        if is_unblockable(draft.kind)
        or (draft.actor_id, draft.recipient_id) not in silenced
    ]
