"""Thin views over cooperation/requesting.py, offering.py and follow_up.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from core.refusals import Refusal, refusal_response, show_on_form

from . import follow_up
from .access import (
    can_create_request,
    can_manage_offer,
    can_manage_request,
)
from .forms import (
    CloseForm,
    FilterForm,
    InterestForm,
    OfferForm,
    RequestForm,
    SelectProviderForm,
    StatusForm,
)
from .listing import offers_list, requests_list
from .matching import matching_experts, matching_offers, regions_by_path
from .models import CooperationOffer, CooperationRequest, Status
from .offering import OfferDraft, create_offer, edit_offer, set_available
from .requesting import RequestDraft, create_request, edit_request

PER_PAGE = 20


def _page(request, queryset):
    return Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))


def _extra_query(request) -> str:
    """The filters, kept by the pagination links."""
    query = request.GET.copy()
    query.pop("page", None)
    return f"&{query.urlencode()}" if query else ""


@require_safe
def request_list(request):
    form = FilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    status = 200 if not form.errors else 400
    page = _page(request, requests_list(filters) if status == 200 else [])
    return render(
        request,
        "cooperation/request_list.html",
        {
            "form": form,
            "page": page,
            "filters": filters,
            "extra_query": _extra_query(request),
            "can_create": can_create_request(request.user),
        },
        status=status,
    )


@require_safe
def case_studies(request):
    form = FilterForm(request.GET or None, with_status=False)
    filters = form.cleaned_data if form.is_valid() else {}
    filters = {**filters, "status": Status.CLOSED}
    status = 200 if not form.errors else 400
    queryset = requests_list(filters).order_by("-closed_at", "-pk")
    page = _page(request, queryset if status == 200 else [])
    return render(
        request,
        "cooperation/case_studies.html",
        {"form": form, "page": page, "extra_query": _extra_query(request)},
        status=status,
    )


@require_safe
def offer_list(request):
    form = FilterForm(request.GET or None, with_status=False)
    filters = form.cleaned_data if form.is_valid() else {}
    status = 200 if not form.errors else 400
    page = _page(request, offers_list(filters) if status == 200 else [])
    return render(
        request,
        "cooperation/offer_list.html",
        {
            "form": form,
            "page": page,
            "filters": filters,
            "extra_query": _extra_query(request),
        },
        status=status,
    )


def _request_or_404(pk: int) -> CooperationRequest:
    return get_object_or_404(
        CooperationRequest.objects.select_related(
            "country", "requested_by", "topic__forum", "selected_offer__offered_by"
        ),
        pk=pk,
    )


@require_safe
def request_detail(request, pk: int):
    coop = _request_or_404(pk)
    manager = can_manage_request(request.user, coop)
    regions = regions_by_path()
    looking = coop.status in (Status.OPEN, Status.DISCUSSION)
    context = {
        "coop": coop,
        "can_manage": manager,
        "subjects": [s.tag for s in coop.subjects.select_related("tag")],
        "offers": matching_offers(coop, regions=regions) if looking else [],
        "experts": matching_experts(coop, regions=regions) if looking else [],
        "interests": coop.interests.select_related("member", "offer"),
        "trail": coop.events.select_related("actor"),
        # The country's own people discuss in the topic; they do not apply.
        "interest_form": InterestForm(user=request.user)
        if looking and not (manager and not request.user.is_staff)
        else None,
        "status_form": StatusForm() if manager else None,
        "close_form": CloseForm()
        if manager and coop.status == Status.MATCHED
        else None,
    }
    return render(request, "cooperation/request_detail.html", context)


def _request_form_view(request, coop=None):
    if coop is not None and not can_manage_request(request.user, coop):
        raise PermissionDenied
    if coop is None and not can_create_request(request.user):
        raise PermissionDenied(
            _(
                "Only national focal points and national editors can ask for "
                "help on behalf of their country."
            )
        )
    status = 200
    if request.method == "POST":
        form = RequestForm(
            request.POST,
            user=request.user,
            request_obj=coop,
            initial=RequestForm.initial_for(coop) if coop else None,
        )
        if form.is_valid():
            draft = RequestDraft.from_form(form.cleaned_data)
            try:
                if coop is None:
                    coop = create_request(request.user, draft)
                    messages.success(
                        request,
                        _("Your request is published; matching providers are told."),
                    )
                else:
                    coop = edit_request(request.user, coop, draft)
                    messages.success(request, _("The request is saved."))
                return redirect(coop.get_absolute_url())
            except Refusal as error:
                status = show_on_form(form, error)
        else:
            status = 400
    else:
        initial = RequestForm.initial_for(coop) if coop else {}
        if coop is None and request.user.is_authenticated:
            initial = {
                "contact_name": request.user.get_display_name(),
                "contact_email": request.user.email,
                "organisation": request.user.organisation,
            }
        form = RequestForm(user=request.user, request_obj=coop, initial=initial)
    return render(
        request,
        "cooperation/request_form.html",
        {"form": form, "coop": coop},
        status=status,
    )


@login_required
def request_create(request):
    return _request_form_view(request)


@login_required
def request_edit(request, pk: int):
    return _request_form_view(request, _request_or_404(pk))


def _refused(request, error: Refusal, template: str = "403.html", context=None):
    """Not allowed: the site's "Not allowed" page; anything else: `template`."""
    if error.status == 403:
        template, context = "403.html", None
    return refusal_response(request, error, template, context)


def _act(request, coop, form, action, *, managers_only: bool = False):
    """Run a life-cycle step from a posted form; a refusal shows with the
    fitting status (403 before the form is even read when the step is the
    request's managers' alone, 400 for a bad form)."""
    if managers_only and not can_manage_request(request.user, coop):
        raise PermissionDenied
    if not form.is_valid():
        message = " ".join(str(e) for errors in form.errors.values() for e in errors)
        return render(
            request,
            "cooperation/refused.html",
            {"coop": coop, "message": message},
            status=400,
        )
    try:
        action(form.cleaned_data)
    except Refusal as error:
        return _refused(request, error, "cooperation/refused.html", {"coop": coop})
    return redirect(coop.get_absolute_url())


@login_required
@require_POST
def request_status(request, pk: int):
    coop = _request_or_404(pk)
    return _act(
        request,
        coop,
        StatusForm(request.POST),
        lambda data: follow_up.change_status(
            request.user, coop, data["status"], data["note"]
        ),
        managers_only=True,
    )


@login_required
@require_POST
def request_interest(request, pk: int):
    coop = _request_or_404(pk)
    return _act(
        request,
        coop,
        InterestForm(request.POST, user=request.user),
        lambda data: follow_up.express_interest(
            request.user, coop, data["message"], data["offer"]
        ),
    )


@login_required
@require_POST
def request_select(request, pk: int):
    coop = _request_or_404(pk)
    return _act(
        request,
        coop,
        SelectProviderForm(request.POST),
        lambda data: follow_up.select_provider(request.user, coop, data["offer"]),
        managers_only=True,
    )


@login_required
def request_close(request, pk: int):
    coop = _request_or_404(pk)
    if not can_manage_request(request.user, coop):
        raise PermissionDenied
    status = 200
    form = CloseForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                follow_up.close_request(
                    request.user,
                    coop,
                    form.cleaned_data["outcome"],
                    form.cleaned_data["lessons_learned"],
                )
                messages.success(
                    request, _("The request is closed and shared as a case study.")
                )
                return redirect(coop.get_absolute_url())
            except Refusal as error:
                status = show_on_form(form, error)
        else:
            status = 400
    return render(
        request,
        "cooperation/close_form.html",
        {"form": form, "coop": coop},
        status=status,
    )


@require_safe
def offer_detail(request, pk: int):
    offer = get_object_or_404(
        CooperationOffer.objects.visible_to(request.user).select_related(
            "country", "offered_by"
        ),
        pk=pk,
    )
    return render(
        request,
        "cooperation/offer_detail.html",
        {
            "offer": offer,
            "can_manage": can_manage_offer(request.user, offer),
            "subjects": [s.tag for s in offer.subjects.select_related("tag")],
            "regions": list(offer.regions.all()),
        },
    )


def _offer_form_view(request, offer=None):
    if offer is not None and not can_manage_offer(request.user, offer):
        raise PermissionDenied
    status = 200
    if request.method == "POST":
        form = OfferForm(request.POST)
        if form.is_valid():
            draft = OfferDraft.from_form(form.cleaned_data)
            draft.regions = list(form.cleaned_data["regions"])
            try:
                if offer is None:
                    offer = create_offer(request.user, draft)
                    messages.success(request, _("Your offer is published. Thank you!"))
                else:
                    offer = edit_offer(request.user, offer, draft)
                    messages.success(request, _("The offer is saved."))
                return redirect(offer.get_absolute_url())
            except Refusal as error:
                status = show_on_form(form, error)
        else:
            status = 400
    else:
        initial = (
            OfferForm.initial_for(offer)
            if offer
            else {
                "country": request.user.country_id,
                "organisation": request.user.organisation,
                "languages": request.user.languages,
            }
        )
        form = OfferForm(initial=initial)
    return render(
        request,
        "cooperation/offer_form.html",
        {"form": form, "offer": offer},
        status=status,
    )


@login_required
def offer_create(request):
    return _offer_form_view(request)


@login_required
def offer_edit(request, pk: int):
    return _offer_form_view(request, get_object_or_404(CooperationOffer, pk=pk))


@login_required
@require_POST
def offer_availability(request, pk: int):
    offer = get_object_or_404(CooperationOffer, pk=pk)
    available = request.POST.get("available") == "1"
    try:
        set_available(request.user, offer, available)
    except Refusal as error:
        if error.status == 403:
            return _refused(request, error)
        messages.error(request, str(error.message))
    return redirect(offer.get_absolute_url())
