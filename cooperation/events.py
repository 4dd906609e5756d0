"""Fan-out of cooperation events, queued once the write has committed (like
notifications/events.py), so nobody hears of something rolled back."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from notifications.kinds import register_kind

COOP_REQUEST = "coop_request"
COOP_OFFER = "coop_offer"
COOP_UPDATE = "coop_update"


def register_kinds() -> None:
    """The kinds of notification cooperation raises (from `ready()`)."""
    register_kind(
        COOP_REQUEST, _("New cooperation request matching your offer"), order=120
    )
    register_kind(
        COOP_OFFER, _("New offer matching your cooperation request"), order=130
    )
    register_kind(
        COOP_UPDATE, _("Update on a cooperation request you follow"), order=140
    )


def _after_commit(task, *args) -> None:
    transaction.on_commit(lambda: task.enqueue(*args))


def request_opened(request_id: int) -> None:
    from . import tasks

    _after_commit(tasks.request_opened, request_id)


def offer_published(offer_id: int) -> None:
    from . import tasks

    _after_commit(tasks.offer_published, offer_id)


def request_updated(event_id: int) -> None:
    from . import tasks

    _after_commit(tasks.request_updated, event_id)
