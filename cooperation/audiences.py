"""Who hears about cooperation: matching providers and experts of a new
request, the requester of a new matching offer, and everyone involved in a
request when it moves. One notification per person and event (the event key)."""

from django.utils.translation import gettext as _

from notifications.audiences import Draft, active, in_their_languages
from translations.names import place_name

from .events import COOP_OFFER, COOP_REQUEST, COOP_UPDATE
from .matching import matching_experts, matching_offers, requests_matching_offer
from .models import Status

EXPERTS_NOTIFIED = 20


def request_opened(request) -> list[Draft]:
    providers = {
        match.provider.offered_by_id for match in matching_offers(request, None)
    }
    experts = {
        match.provider.pk for match in matching_experts(request, EXPERTS_NOTIFIED)
    }
    recipients = active(providers | experts) - {request.requested_by_id}
    titles = in_their_languages(
        recipients,
        lambda: (
            _("%(country)s asks for help: %(title)s")
            % {"country": place_name(request.country), "title": request.title}
        ),
    )
    return [
        Draft(
            user_id,
            COOP_REQUEST,
            titles[user_id],
            request.get_absolute_url(),
            f"coop-request:{request.pk}",
            request.requested_by_id,
        )
        for user_id in sorted(recipients)
    ]


def offer_published(offer) -> list[Draft]:
    drafts = []
    for match in requests_matching_offer(offer):
        request = match.provider
        if request.requested_by_id == offer.offered_by_id:
            continue
        drafts.append(
            Draft(
                request.requested_by_id,
                COOP_OFFER,
                _("A new offer fits your request “%(request)s”: %(offer)s")
                % {"request": request.title, "offer": offer.title},
                request.get_absolute_url(),
                f"coop-offer:{offer.pk}:{request.pk}",
                offer.offered_by_id,
            )
        )
    recipients = active({draft.recipient_id for draft in drafts})
    return [draft for draft in drafts if draft.recipient_id in recipients]


def involved(request) -> set[int]:
    """The requester, members who expressed interest, the selected provider."""
    people = {request.requested_by_id}
    people |= set(request.interests.values_list("member_id", flat=True))
    if request.selected_offer_id:
        people.add(request.selected_offer.offered_by_id)
    return people


def request_updated(event) -> list[Draft]:
    request = event.request
    recipients = active(involved(request)) - {event.actor_id}
    title = _("“%(title)s”: %(step)s") % {
        "title": request.title,
        "step": Status(event.to_status).label
        if event.to_status
        else event.get_kind_display(),
    }
    return [
        Draft(
            user_id,
            COOP_UPDATE,
            title,
            request.get_absolute_url(),
            f"coop-update:{event.pk}",
            event.actor_id,
        )
        for user_id in sorted(recipients)
    ]
