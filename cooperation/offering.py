"""Offering help: any member, for themselves, an organisation or a country.
The same member cannot keep two available offers with the same title."""

from dataclasses import dataclass, fields

from django.db import IntegrityError, transaction
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from core.refusals import NotAllowed, Refusal

from . import events
from .access import can_manage_offer, can_offer, can_request_for
from .models import CooperationOffer, ProviderKind
from .validators import check_assistance_types, check_languages, check_subjects


@dataclass
class OfferDraft:
    title: str
    description: str
    assistance_types: list[str]
    subjects: list
    languages: list[str]
    provider_kind: str = ProviderKind.MEMBER
    organisation: str = ""
    country: object = None
    regions: list = None
    availability: str = ""

    @classmethod
    def from_form(cls, cleaned: dict) -> "OfferDraft":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in cleaned.items() if k in names})


DUPLICATE = _("You already have an available offer with this title.")


def _check(user, draft: OfferDraft, offer: CooperationOffer | None = None) -> None:
    if not draft.title.strip() or not draft.description.strip():
        raise Refusal(_("An offer needs a title and a description."))
    draft.assistance_types = check_assistance_types(draft.assistance_types)
    draft.languages = check_languages(draft.languages)
    draft.subjects = check_subjects(draft.subjects)
    if draft.provider_kind not in ProviderKind.values:
        raise Refusal(_("Unknown kind of provider."), "provider_kind")
    if draft.provider_kind == ProviderKind.COUNTRY and not can_request_for(
        user, draft.country
    ):
        raise NotAllowed(
            _(
                "Only a focal point or national editor of the country can offer "
                "help on its behalf."
            ),
            "country",
        )
    if draft.provider_kind == ProviderKind.ORGANISATION and not draft.organisation:
        raise Refusal(_("Name the organisation."), "organisation")
    clash = CooperationOffer.objects.active().filter(offered_by=user)
    if offer is not None:
        clash = clash.exclude(pk=offer.pk)
    title = draft.title.strip().lower()
    if clash.annotate(lower=Lower("title")).filter(lower=title).exists():
        raise Refusal(DUPLICATE, "title")


def _save(offer: CooperationOffer, draft: OfferDraft) -> CooperationOffer:
    offer.title = draft.title.strip()
    offer.description = draft.description.strip()
    offer.provider_kind = draft.provider_kind
    offer.organisation = draft.organisation
    offer.country = draft.country
    offer.assistance_types = draft.assistance_types
    offer.languages = draft.languages
    offer.availability = draft.availability
    try:
        with transaction.atomic():
            offer.save()
    except IntegrityError as error:  # a concurrent twin won the race
        raise Refusal(DUPLICATE, "title") from error
    offer.subjects.set(draft.subjects)
    offer.regions.set(draft.regions or [])
    return offer


@transaction.atomic
def create_offer(user, draft: OfferDraft) -> CooperationOffer:
    if not can_offer(user):
        raise NotAllowed(_("Sign in to offer your help."))
    if draft.country is None and draft.provider_kind != ProviderKind.COUNTRY:
        draft.country = user.country
    _check(user, draft)
    offer = _save(CooperationOffer(offered_by=user), draft)
    events.offer_published(offer.pk)
    return offer


@transaction.atomic
def edit_offer(user, offer: CooperationOffer, draft: OfferDraft) -> CooperationOffer:
    offer = CooperationOffer.objects.select_for_update().get(pk=offer.pk)
    if not can_manage_offer(user, offer):
        raise NotAllowed()
    _check(user, draft, offer)
    return _save(offer, draft)


def set_available(user, offer: CooperationOffer, available: bool) -> None:
    if not can_manage_offer(user, offer):
        raise NotAllowed()
    if available:
        clash = (
            CooperationOffer.objects.active()
            .filter(offered_by_id=offer.offered_by_id, title__iexact=offer.title)
            .exclude(pk=offer.pk)
        )
        if clash.exists():
            raise Refusal(DUPLICATE)
    CooperationOffer.objects.filter(pk=offer.pk).update(is_active=available)
