"""The life cycle of a request: open → in discussion → matched → closed (or
withdrawn on the way), with its trail. A step that skips the cycle is refused;
each step is one transaction, and the people involved hear of it."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.refusals import NotAllowed, Refusal

from . import events
from .access import can_manage_request
from .models import (
    TRANSITIONS,
    CooperationOffer,
    CooperationRequest,
    Interest,
    RequestEvent,
    Status,
)


def _locked(request: CooperationRequest) -> CooperationRequest:
    return (
        CooperationRequest.objects.select_for_update()
        .select_related("country")
        .get(pk=request.pk)
    )


def _check_step(request: CooperationRequest, to: str) -> None:
    if to not in Status.values:
        raise Refusal(_("Unknown status."), "status")
    if to not in TRANSITIONS[Status(request.status)]:
        raise Refusal(
            _("A request that is “%(current)s” cannot become “%(next)s”.")
            % {
                "current": request.get_status_display(),
                "next": Status(to).label,
            },
            "status",
        )


def _record(request, kind, actor, from_status="", note="") -> RequestEvent:
    event = RequestEvent.objects.create(
        request=request,
        kind=kind,
        actor=actor,
        from_status=from_status,
        to_status=request.status if from_status else "",
        note=note,
    )
    events.request_updated(event.pk)
    return event


@transaction.atomic
def change_status(user, request: CooperationRequest, to: str, note: str = ""):
    """Moves that need nothing else: into and out of discussion, withdrawal.
    Matching needs a provider (`select_provider`), closing an outcome
    (`close_request`)."""
    request = _locked(request)
    if not can_manage_request(user, request):
        raise NotAllowed()
    _check_step(request, to)
    if to == Status.MATCHED:
        raise Refusal(_("Select the provider to match the request."), "status")
    if to == Status.CLOSED:
        raise Refusal(
            _("Close the request with its outcome and lessons learned."), "status"
        )
    before = request.status
    request.status = to
    if to == Status.DISCUSSION and before == Status.MATCHED:
        request.selected_offer = None
    request.save(update_fields=["status", "selected_offer", "updated_at"])
    _record(request, RequestEvent.Kind.STATUS, user, before, note)
    return request


@transaction.atomic
def express_interest(user, request: CooperationRequest, message: str, offer=None):
    """A member offers to help; an open request moves into discussion."""
    request = _locked(request)
    if not (user.is_authenticated and user.is_active):
        raise NotAllowed(_("Sign in to offer your help."))
    if request.status not in (Status.OPEN, Status.DISCUSSION):
        raise Refusal(_("This request no longer looks for providers."))
    if request.requested_by_id == user.pk:
        raise Refusal(_("You cannot offer help with your own request."))
    if offer is not None and offer.offered_by_id != user.pk:
        raise NotAllowed(_("You can only propose your own offers."), "offer")
    if not message.strip():
        raise Refusal(_("Say in a few words how you can help."), "message")
    try:
        with transaction.atomic():
            interest = Interest.objects.create(
                request=request, member=user, offer=offer, message=message.strip()
            )
    except IntegrityError as error:
        raise Refusal(
            _("You have already expressed your interest in this request.")
        ) from error
    before = request.status
    if before == Status.OPEN:
        request.status = Status.DISCUSSION
        request.save(update_fields=["status", "updated_at"])
    event = RequestEvent.objects.create(
        request=request,
        kind=RequestEvent.Kind.INTEREST,
        actor=user,
        from_status=before if before != request.status else "",
        to_status=request.status if before != request.status else "",
        note=message.strip(),
    )
    events.request_updated(event.pk)
    return interest


@transaction.atomic
def select_provider(user, request: CooperationRequest, offer: CooperationOffer):
    request = _locked(request)
    if not can_manage_request(user, request):
        raise NotAllowed()
    _check_step(request, Status.MATCHED)
    if not offer.is_active:
        raise Refusal(_("This offer is no longer available."), "offer")
    before = request.status
    request.status = Status.MATCHED
    request.selected_offer = offer
    request.save(update_fields=["status", "selected_offer", "updated_at"])
    _record(
        request,
        RequestEvent.Kind.SELECTED,
        user,
        before,
        offer.provider_name(),
    )
    return request


@transaction.atomic
def close_request(user, request: CooperationRequest, outcome: str, lessons: str):
    """Closing makes the request a public case study."""
    request = _locked(request)
    if not can_manage_request(user, request):
        raise NotAllowed()
    _check_step(request, Status.CLOSED)
    if not outcome.strip():
        raise Refusal(_("Describe the outcome."), "outcome")
    if not lessons.strip():
        raise Refusal(_("Share the lessons learned."), "lessons_learned")
    before = request.status
    request.status = Status.CLOSED
    request.outcome = outcome.strip()
    request.lessons_learned = lessons.strip()
    request.closed_at = timezone.now()
    request.save(
        update_fields=[
            "status",
            "outcome",
            "lessons_learned",
            "closed_at",
            "updated_at",
        ]
    )
    _record(request, RequestEvent.Kind.CLOSED, user, before)
    return request
