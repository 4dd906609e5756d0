"""National targets pages: each country's targets, one target with its
history, the editors' forms, the framework's index and each global target."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST, require_safe
from wagtail.models import Locale

from community.models import CountryPage
from core.middleware import unavailable
from core.object_storage import STORAGE_ERRORS, open_stored, streaming_response
from core.refusals import Refusal, refusal_response, show_on_form
from toolkits.uploads import (
    UploadSizeLimitHandler,
    content_type_for,
    max_upload_bytes,
)
from translations.names import place_name

from . import editing, maps
from .access import can_edit_targets, can_publish_targets
from .figures import country_summary, global_target_figures, network_figures
from .forms import (
    EvidenceDocumentForm,
    FilterForm,
    IndicatorForm,
    NationalTargetForm,
    ProgressForm,
)
from .models import (
    EvidenceDocument,
    GlobalGoal,
    GlobalTarget,
    NationalTarget,
    TargetStatus,
)
from .suggestions import subject_tag_ids, suggested_experts, suggested_toolkits


def _country_or_404(request, iso: str) -> CountryPage:
    national = getattr(request, "national_country", None)
    if national is not None and national.iso_code.lower() != iso.lower():
        raise Http404
    return get_object_or_404(
        CountryPage.objects.live(),
        iso_code=iso.upper(),
        locale=Locale.get_default(),
        alias_of__isnull=True,
    )


def _target_or_404(request, iso: str, pk: int) -> NationalTarget:
    country = _country_or_404(request, iso)
    target = (
        NationalTarget.objects.visible_to(request.user)
        .filter(country=country, pk=pk)
        .select_related("country")
        .first()
    )
    if target is None:
        raise Http404
    return target


@require_safe
def country_targets(request, iso: str):
    country = _country_or_404(request, iso)
    targets = list(
        NationalTarget.objects.visible_to(request.user)
        .of_country(country)
        .for_listing()
    )
    published = [t for t in targets if t.is_published]
    return render(
        request,
        "targets/country_targets.html",
        {
            "country": country,
            "targets": targets,
            "summary": country_summary(published),
            "published_count": len(published),
            "can_edit": can_edit_targets(request.user, country),
        },
    )


@require_safe
def national_target(request, iso: str, pk: int):
    target = _target_or_404(request, iso, pk)
    updates = list(target.updates.prefetch_related("values__indicator__headline"))
    indicators = list(target.indicators.select_related("headline"))
    context = {
        "country": target.country,
        "target": target,
        "contributions": target.contributions.select_related("global_target"),
        "indicators": indicators,
        "documents": list(target.documents.all()),
        "updates": updates,
        "subjects": [s.tag for s in _subjects(target)],
        "can_edit": can_edit_targets(request.user, target.country),
        "can_publish": can_publish_targets(request.user, target.country),
    }
    if target.status == TargetStatus.OFF_TRACK and target.is_published:
        tag_ids = subject_tag_ids(target)
        context["toolkits"] = suggested_toolkits(tag_ids)
        context["experts"] = suggested_experts(tag_ids)
    return render(request, "targets/national_target.html", context)


def _subjects(target):
    from .suggestions import subjects_of

    return subjects_of(target)


def _initial(target: NationalTarget) -> dict:
    language = next(iter(target.titles), "en")
    contributions = list(target.contributions.select_related("global_target"))
    return {
        "code": target.code,
        "language": language,
        "title": target.titles.get(language, ""),
        "text": target.texts.get(language, ""),
        "full_targets": [
            c.global_target.number for c in contributions if c.contribution == "full"
        ],
        "partial_targets": [
            c.global_target.number for c in contributions if c.contribution != "full"
        ],
        "subjects": list(target.subjects.all()),
        "institution": target.institution,
        "evidence_links": "\n".join(target.evidence_links),
        "status": target.status,
    }


@login_required
def target_create(request, iso: str):
    country = _country_or_404(request, iso)
    if not can_edit_targets(request.user, country):
        raise PermissionDenied(
            _("Only the country's focal points and national editors edit its targets.")
        )
    status = 200
    if request.method == "POST":
        form = NationalTargetForm(request.POST)
        indicator = IndicatorForm(request.POST, prefix="indicator", optional=True)
        if form.is_valid() & indicator.is_valid():
            try:
                target = editing.create_target(
                    request.user,
                    country,
                    form.cleaned_data,
                    None if indicator.is_empty() else indicator.cleaned_data,
                )
            except Refusal as error:
                status = show_on_form(form, error)
            else:
                messages.success(request, _("The target is saved as a draft."))
                return redirect(target.get_absolute_url())
        else:
            status = 400
    else:
        form = NationalTargetForm(initial={"language": request.LANGUAGE_CODE[:2]})
        indicator = IndicatorForm(prefix="indicator", optional=True)
    return render(
        request,
        "targets/target_form.html",
        {"form": form, "indicator_form": indicator, "country": country},
        status=status,
    )


@login_required
def target_edit(request, iso: str, pk: int):
    target = _target_or_404(request, iso, pk)
    if not can_edit_targets(request.user, target.country):
        raise PermissionDenied
    status = 200
    if request.method == "POST":
        form = NationalTargetForm(request.POST, with_status=False)
        if form.is_valid():
            try:
                editing.edit_target(request.user, target, form.cleaned_data)
            except Refusal as error:
                status = show_on_form(form, error)
            else:
                messages.success(request, _("The target is saved."))
                return redirect(target.get_absolute_url())
        else:
            status = 400
    else:
        form = NationalTargetForm(initial=_initial(target), with_status=False)
    return render(
        request,
        "targets/target_form.html",
        {"form": form, "target": target, "country": target.country},
        status=status,
    )


@login_required
def indicator_add(request, iso: str, pk: int):
    target = _target_or_404(request, iso, pk)
    if not can_edit_targets(request.user, target.country):
        raise PermissionDenied
    status = 200
    if request.method == "POST":
        form = IndicatorForm(request.POST)
        if form.is_valid():
            try:
                editing.add_indicator(request.user, target, form.cleaned_data)
            except Refusal as error:
                status = show_on_form(form, error)
            else:
                messages.success(request, _("The indicator is added."))
                return redirect(target.get_absolute_url())
        else:
            status = 400
    else:
        form = IndicatorForm()
    return render(
        request,
        "targets/indicator_form.html",
        {"form": form, "target": target, "country": target.country},
        status=status,
    )


@login_required
def progress_add(request, iso: str, pk: int):
    target = _target_or_404(request, iso, pk)
    if not can_edit_targets(request.user, target.country):
        raise PermissionDenied
    indicators = list(target.indicators.select_related("headline"))
    status = 200
    if request.method == "POST":
        form = ProgressForm(request.POST, indicators=indicators)
        if form.is_valid():
            data = form.cleaned_data
            try:
                editing.record_progress(
                    request.user,
                    target,
                    date=data["date"],
                    status=data["status"],
                    note=data["note"],
                    values=data["values"],
                )
            except Refusal as error:
                status = show_on_form(form, error)
            else:
                messages.success(request, _("The progress update is saved."))
                return redirect(target.get_absolute_url())
        else:
            status = 400
    else:
        form = ProgressForm(indicators=indicators, initial={"status": target.status})
    return render(
        request,
        "targets/progress_form.html",
        {"form": form, "target": target, "country": target.country},
        status=status,
    )


PUBLICATION_ACTIONS = {
    "submit": editing.submit_target,
    "publish": editing.publish_target,
    "unpublish": editing.unpublish_target,
}


@login_required
@require_POST
def target_publication(request, iso: str, pk: int):
    target = _target_or_404(request, iso, pk)
    if not can_edit_targets(request.user, target.country):
        raise PermissionDenied
    action = PUBLICATION_ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        return render(
            request,
            "targets/refused.html",
            {"target": target, "message": _("Unknown action.")},
            status=400,
        )
    try:
        action(request.user, target)
    except Refusal as error:
        return refusal_response(
            request, error, "targets/refused.html", {"target": target}
        )
    return redirect(target.get_absolute_url())


@require_safe
def gbf_index(request):
    figures = {f.target.number: f for f in network_figures()}
    goals = list(GlobalGoal.objects.prefetch_related("headline_indicators"))
    return render(
        request,
        "targets/gbf_index.html",
        {"goals": goals, "figures": list(figures.values())},
    )


@require_safe
def global_target(request, number: int):
    target = get_object_or_404(GlobalTarget, number=number)
    form = FilterForm(request.GET, with_target=False)
    if not form.is_valid():
        return render(
            request,
            "targets/global_target.html",
            {"target": target, "form": form},
            status=400,
        )
    figures = global_target_figures(
        target, form.cleaned_data.get("region"), form.cleaned_data.get("status")
    )
    # Each Party's address and name once (the map, its key and the list use
    # them three times each): a reverse() and a translation per Party add up.
    address = reverse("targets:country", args=["xx"])
    for party in figures.parties:
        party.url = address.replace("/xx/", f"/{party.country.iso_code.lower()}/")
        party.name = place_name(party.country.title)
        party.region_name = place_name(party.region.title) if party.region else ""
    world = maps.world_map()
    shapes, dots, off_map, others = [], [], [], []
    if world is not None:
        mapped = {party.country.iso_code for party in figures.parties}
        others = [p for iso, p in world.places.items() if iso not in mapped]
        for party in figures.parties:
            place = world.places.get(party.country.iso_code)
            if place is None:
                off_map.append(party)
            elif place.path:
                shapes.append((party, place))
            else:
                dots.append((party, place))
    return render(
        request,
        "targets/global_target.html",
        {
            "target": target,
            "form": form,
            "figures": figures,
            "subjects": [s.tag for s in target.subjects.select_related("tag")],
            "headline_indicators": target.headline_indicators.all(),
            "world": world,
            "shapes": shapes,
            "dots": dots,
            "off_map": off_map,
            "others": others,
            "statuses": TargetStatus.choices,
        },
    )


@require_safe
def network_targets(request):
    """Every published national target, filtered by region, status and
    global target."""
    form = FilterForm(request.GET)
    targets = NationalTarget.objects.published()
    status = 200
    if form.is_valid():
        data = form.cleaned_data
        if data.get("region"):
            targets = targets.in_region(data["region"])
        if data.get("status"):
            targets = targets.filter(status=data["status"])
        if data.get("target"):
            targets = targets.filter(global_targets__number=data["target"])
    else:
        targets, status = targets.none(), 400
    page = Paginator(
        targets.for_listing().order_by("country__title", "code", "pk"), 50
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "targets/network_targets.html",
        {"form": form, "page_obj": page, "targets": page.object_list},
        status=status,
    )


def document_add(request, iso: str, pk: int):
    # The size limit must be in place before the body is read, so the CSRF
    # check (which reads it) runs inside, in `_document_add`.
    request.upload_handlers.insert(0, UploadSizeLimitHandler(request))
    return _document_add(request, iso, pk)


@csrf_protect
@login_required
def _document_add(request, iso: str, pk: int):
    target = _target_or_404(request, iso, pk)
    if not can_edit_targets(request.user, target.country):
        raise PermissionDenied
    status = 200
    if request.method == "POST":
        form = EvidenceDocumentForm(request.POST, request.FILES)
        valid = form.is_valid()
        if getattr(request, "toolkit_upload_too_large", False):
            form.errors.pop("file", None)
            form.add_error(
                "file",
                _("The file is too large; the limit is %(limit)s.")
                % {"limit": filesizeformat(max_upload_bytes())},
            )
            valid = False
        if valid:
            data = form.cleaned_data
            try:
                editing.add_evidence_document(
                    request.user, target, data["title"], data["file"]
                )
            except Refusal as error:
                status = show_on_form(form, error)
            except STORAGE_ERRORS:
                form.add_error(
                    "file",
                    _(
                        "Files cannot be stored at the moment; nothing was saved. "
                        "Please try again in a few minutes."
                    ),
                )
                status = 503
            else:
                messages.success(request, _("The document is added."))
                return redirect(target.get_absolute_url())
        else:
            status = 413 if request.__dict__.get("toolkit_upload_too_large") else 400
    else:
        form = EvidenceDocumentForm()
    return render(
        request,
        "targets/document_form.html",
        {"form": form, "target": target, "country": target.country},
        status=status,
    )


@require_safe
def document_download(request, iso: str, pk: int, document: int, filename: str):
    """An evidence document, as an attachment, to whoever may read its target
    (a draft's documents only to the country's keepers)."""
    target = _target_or_404(request, iso, pk)
    found = get_object_or_404(EvidenceDocument, pk=document, national_target=target)
    if found.filename != filename:
        raise Http404
    try:
        opened = open_stored(found.file.storage, found.file.name)
    except STORAGE_ERRORS:
        return unavailable(storage=True)
    except (FileNotFoundError, OSError) as missing:
        raise Http404(_("This file is no longer available.")) from missing
    response = streaming_response(request, opened, content_type_for(found.file_format))
    response["Content-Disposition"] = content_disposition_header(True, found.filename)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if not target.is_published:
        response["Cache-Control"] = "private, no-store"
    return response
