"""Writing national targets: create, edit, submit, publish, add indicators
and record progress. Each runs in one transaction: a refusal or an error
leaves nothing half-saved."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.refusals import NotAllowed, Refusal
from toolkits.uploads import format_of

from . import events
from .access import can_edit_targets, can_publish_targets
from .models import (
    EvidenceDocument,
    GlobalTarget,
    Indicator,
    IndicatorValue,
    NationalTarget,
    ProgressUpdate,
    Publication,
    TargetContribution,
    TargetStatus,
)


def _check_editor(user, country) -> None:
    if not can_edit_targets(user, country):
        raise NotAllowed(
            _("Only the country's focal points and national editors edit its targets.")
        )


def _set_contributions(target, full: list[int], partial: list[int]) -> None:
    numbers = set(full) | set(partial)
    found = dict(
        GlobalTarget.objects.filter(number__in=numbers).values_list("number", "pk")
    )
    missing = sorted(numbers - set(found))
    if missing:
        raise Refusal(
            _("There is no global target %(number)s.") % {"number": missing[0]},
            "full_targets",
        )
    target.contributions.all().delete()
    TargetContribution.objects.bulk_create(
        TargetContribution(
            national_target=target,
            global_target_id=found[number],
            contribution="full" if number in full else "partial",
        )
        for number in sorted(numbers)
    )


def _apply(target, data: dict) -> None:
    language = data["language"]
    target.code = data.get("code", "")
    target.titles = {**target.titles, language: data["title"]}
    if data.get("text"):
        target.texts = {**target.texts, language: data["text"]}
    else:
        target.texts.pop(language, None)
    target.institution = data.get("institution", "")
    target.evidence_links = data.get("evidence_links", [])


def add_indicator(user, target: NationalTarget, data: dict) -> Indicator:
    _check_editor(user, target.country)
    return Indicator.objects.create(
        national_target=target,
        headline=data.get("headline"),
        name=data.get("name", ""),
        unit_type=data["unit_type"],
        unit=data.get("unit", ""),
        baseline_value=data.get("baseline_value"),
        baseline_year=data.get("baseline_year"),
        latest_value=data.get("latest_value"),
        latest_year=data.get("latest_year"),
    )


def add_evidence_document(user, target: NationalTarget, title: str, file):
    """Keep a document as evidence of `target`'s progress. The file was
    checked (extension, content, size) by the form before anything is stored;
    if the store fails, no row is left behind."""
    _check_editor(user, target.country)
    fmt = format_of(file.name)
    with transaction.atomic():
        return EvidenceDocument.objects.create(
            national_target=target,
            title=title,
            file=file,
            file_format=fmt.key if fmt else "",
            file_size=file.size or 0,
            uploaded_by=user,
        )


@transaction.atomic
def create_target(
    user, country, data: dict, indicator: dict | None = None
) -> NationalTarget:
    """A new national target, a draft until a focal point publishes it."""
    _check_editor(user, country)
    target = NationalTarget(
        country=country,
        created_by=user,
        status=data.get("status") or TargetStatus.NOT_STARTED,
    )
    _apply(target, data)
    target.save()
    _set_contributions(
        target, data.get("full_targets", []), data.get("partial_targets", [])
    )
    target.subjects.set(data.get("subjects", []))
    if indicator:
        add_indicator(user, target, indicator)
    return target


@transaction.atomic
def edit_target(user, target: NationalTarget, data: dict) -> NationalTarget:
    _check_editor(user, target.country)
    _apply(target, data)
    target.save()
    _set_contributions(
        target, data.get("full_targets", []), data.get("partial_targets", [])
    )
    target.subjects.set(data.get("subjects", []))
    return target


def submit_target(user, target: NationalTarget) -> None:
    _check_editor(user, target.country)
    if target.publication == Publication.DRAFT:
        target.publication = Publication.SUBMITTED
        target.save(update_fields=["publication", "updated_at"])


@transaction.atomic
def publish_target(user, target: NationalTarget) -> None:
    """A focal point's approval: the target becomes public, and the followers
    of its global targets hear of it."""
    if not can_publish_targets(user, target.country):
        raise NotAllowed(_("Only the country's focal points publish its targets."))
    if target.is_published:
        return
    target.publication = Publication.PUBLISHED
    target.published_at = timezone.now()
    target.save(update_fields=["publication", "published_at", "updated_at"])
    events.target_published(target.pk)


@transaction.atomic
def unpublish_target(user, target: NationalTarget) -> None:
    if not can_publish_targets(user, target.country):
        raise NotAllowed(_("Only the country's focal points publish its targets."))
    target.publication = Publication.DRAFT
    target.save(update_fields=["publication", "updated_at"])


@transaction.atomic
def record_progress(
    user,
    target: NationalTarget,
    *,
    date,
    status: str,
    note: str = "",
    values: dict | None = None,
) -> ProgressUpdate:
    """A dated update: the target's status and its indicators' latest values
    move, and the update keeps them as they were reported that day."""
    _check_editor(user, target.country)
    target = NationalTarget.objects.select_for_update().get(pk=target.pk)
    update = ProgressUpdate.objects.create(
        national_target=target,
        date=date,
        status=status,
        previous_status=target.status,
        note=note,
        author=user,
    )
    indicators = {i.pk: i for i in target.indicators.all()}
    rows = []
    for indicator_id, (value, year) in (values or {}).items():
        indicator = indicators.get(indicator_id)
        if indicator is None:
            raise Refusal(_("Unknown indicator."))
        rows.append(
            IndicatorValue(update=update, indicator=indicator, value=value, year=year)
        )
        if indicator.latest_year is None or year >= indicator.latest_year:
            indicator.latest_value, indicator.latest_year = value, year
            indicator.save(update_fields=["latest_value", "latest_year"])
    IndicatorValue.objects.bulk_create(rows)
    changed = status != target.status
    latest = target.updates.exclude(pk=update.pk).order_by("-date", "-pk").first()
    if latest is None or date >= latest.date:
        target.status = status
        target.save(update_fields=["status", "updated_at"])
    if changed and target.is_published:
        events.status_changed(update.pk)
    return update
