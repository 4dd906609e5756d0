"""Asking for help: a focal point or national editor writes a request for their
country. The request, its discussion topic and the first step of its trail are
saved together or not at all; matching people hear of it after the commit."""

from dataclasses import dataclass, field, fields
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from core.refusals import NotAllowed, Refusal

from . import events
from .access import can_manage_request, can_request_for
from .discussions import open_discussion
from .models import ACTIVE_STATUSES, CooperationRequest, RequestEvent, Scope
from .validators import (
    check_assistance_types,
    check_dates,
    check_languages,
    check_subjects,
)


@dataclass
class RequestDraft:
    title: str
    problem: str
    country: object
    contact_name: str
    contact_email: str
    assistance_types: list[str]
    subjects: list
    languages: list[str]
    organisation: str = ""
    scope: str = Scope.NATIONAL
    start_date: date | None = None
    deadline: date | None = None
    national_targets: list = field(default_factory=list)

    @classmethod
    def from_form(cls, cleaned: dict) -> "RequestDraft":
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in cleaned.items() if k in names})


def _check(draft: RequestDraft, check_deadline: bool = True) -> None:
    if not draft.title.strip() or not draft.problem.strip():
        raise Refusal(_("A request needs a title and a problem to solve."))
    draft.assistance_types = check_assistance_types(draft.assistance_types)
    draft.languages = check_languages(draft.languages)
    draft.subjects = check_subjects(draft.subjects)
    if draft.scope not in Scope.values:
        raise Refusal(_("Unknown geographic scope."), "scope")
    if check_deadline:
        check_dates(draft.start_date, draft.deadline)


def _check_targets(draft: RequestDraft, country) -> list:
    """Only the requesting country's published national targets."""
    targets = list(draft.national_targets)
    if any(t.country_id != country.pk or not t.is_published for t in targets):
        raise Refusal(
            _("A request cites only its own country's published national targets."),
            "national_targets",
        )
    return targets


def create_request(user, draft: RequestDraft) -> CooperationRequest:
    if not can_request_for(user, draft.country):
        raise NotAllowed(
            _(
                "You can ask for help only on behalf of a country where you are a "
                "focal point or national editor."
            ),
            "country",
        )
    _check(draft)
    targets = _check_targets(draft, draft.country)
    try:
        with transaction.atomic():
            request = CooperationRequest.objects.create(
                title=draft.title.strip(),
                problem=draft.problem.strip(),
                country=draft.country,
                requested_by=user,
                organisation=draft.organisation,
                contact_name=draft.contact_name,
                contact_email=draft.contact_email,
                assistance_types=draft.assistance_types,
                languages=draft.languages,
                scope=draft.scope,
                start_date=draft.start_date,
                deadline=draft.deadline,
            )
            request.subjects.set(draft.subjects)
            request.national_targets.set(targets)
            request.topic = open_discussion(request)
            request.save(update_fields=["topic"])
            RequestEvent.objects.create(
                request=request,
                kind=RequestEvent.Kind.OPENED,
                actor=user,
                to_status=request.status,
            )
    except Refusal as refusal:
        # The forum refused the discussion (too fast, same text twice): the
        # request was rolled back with it.
        raise Refusal(refusal.message) from refusal
    events.request_opened(request.pk)
    return request


@transaction.atomic
def edit_request(user, request: CooperationRequest, draft: RequestDraft):
    request = CooperationRequest.objects.select_for_update().get(pk=request.pk)
    if not can_manage_request(user, request):
        raise NotAllowed()
    if request.status not in ACTIVE_STATUSES:
        raise Refusal(_("A closed or withdrawn request can no longer change."))
    if draft.country is not None and draft.country.pk != request.country_id:
        raise Refusal(_("A request stays with the country that made it."), "country")
    deadline_changed = (draft.deadline, draft.start_date) != (
        request.deadline,
        request.start_date,
    )
    _check(draft, check_deadline=deadline_changed)
    targets = _check_targets(draft, request.country)
    for name in (
        "organisation",
        "contact_name",
        "contact_email",
        "assistance_types",
        "languages",
        "scope",
        "start_date",
        "deadline",
    ):
        setattr(request, name, getattr(draft, name))
    request.title = draft.title.strip()
    request.problem = draft.problem.strip()
    request.save()
    request.subjects.set(draft.subjects)
    request.national_targets.set(targets)
    RequestEvent.objects.create(
        request=request, kind=RequestEvent.Kind.EDITED, actor=user
    )
    return request
