"""National targets as records: the API's JSON, and the rows of the exports
shaped after the CBD's Online Reporting Tool (docs/api.md maps the fields).

Only published targets: a draft is its country's editors' alone.
"""

from core.api.json_api import absolute, iso

from .models import NationalTarget, TargetStatus


def published_targets():
    return (
        NationalTarget.objects.published()
        .select_related("country")
        .prefetch_related(
            "contributions__global_target",
            "indicators__headline",
            "subjects__tag",
            "updates__values",
        )
    )


def _number(value):
    return None if value is None else float(value)


def indicator_record(indicator) -> dict:
    return {
        "id": indicator.pk,
        "headline_indicator": indicator.headline.code if indicator.headline else None,
        "name": indicator.label,
        "unit_type": indicator.unit_type,
        "unit": indicator.unit,
        "baseline_value": _number(indicator.baseline_value),
        "baseline_year": indicator.baseline_year,
        "latest_value": _number(indicator.latest_value),
        "latest_year": indicator.latest_year,
    }


def update_record(update) -> dict:
    return {
        "id": update.pk,
        "date": update.date.isoformat(),
        "status": update.status,
        "note": update.note,
        "values": [
            {
                "indicator": value.indicator_id,
                "value": float(value.value),
                "year": value.year,
            }
            for value in update.values.all()
        ],
    }


def target_record(target: NationalTarget) -> dict:
    return {
        "id": target.pk,
        "country": {
            "iso_code": target.country.iso_code,
            "title": target.country.title,
        },
        "code": target.code,
        "title": dict(target.titles),
        "text": dict(target.texts),
        "status": target.status,
        "institution": target.institution,
        "global_targets": [
            {"number": c.global_target.number, "contribution": c.contribution}
            for c in target.contributions.all()
        ],
        "subjects": sorted(s.code for s in target.subjects.all()),
        "indicators": [indicator_record(i) for i in target.indicators.all()],
        "progress": [update_record(u) for u in target.updates.all()],
        "evidence_links": list(target.evidence_links),
        "published_at": iso(target.published_at),
        "updated_at": iso(target.updated_at),
        "html_url": absolute(target.get_absolute_url()),
    }


ORT_COLUMNS = [
    "country_iso",
    "country",
    "national_target_id",
    "national_target_code",
    "national_target_title",
    "global_target",
    "degree_of_alignment",
    "status",
    "status_label",
    "indicator_type",
    "indicator_code",
    "indicator_name",
    "unit_type",
    "unit",
    "baseline_value",
    "baseline_year",
    "latest_value",
    "latest_year",
    "responsible_institution",
    "last_progress_date",
    "url",
]


def ort_rows(targets):
    """One row per national target, global target and indicator (a target
    without indicators still has its rows, with empty indicator cells)."""
    for target in targets:
        updates = list(target.updates.all())
        base = {
            "country_iso": target.country.iso_code,
            "country": target.country.title,
            "national_target_id": target.pk,
            "national_target_code": target.code,
            "national_target_title": target.title,
            "status": target.status,
            "status_label": str(TargetStatus(target.status).label),
            "responsible_institution": target.institution,
            "last_progress_date": updates[0].date.isoformat() if updates else "",
            "url": absolute(target.get_absolute_url()),
        }
        indicators = list(target.indicators.all()) or [None]
        for contribution in target.contributions.all():
            for indicator in indicators:
                row = {
                    **base,
                    "global_target": contribution.global_target.number,
                    "degree_of_alignment": contribution.contribution,
                }
                if indicator is not None:
                    row.update(
                        {
                            "indicator_type": "headline"
                            if indicator.headline_id
                            else "national",
                            "indicator_code": indicator.headline.code
                            if indicator.headline
                            else "",
                            "indicator_name": indicator.label,
                            "unit_type": indicator.unit_type,
                            "unit": indicator.unit,
                            "baseline_value": _number(indicator.baseline_value),
                            "baseline_year": indicator.baseline_year,
                            "latest_value": _number(indicator.latest_value),
                            "latest_year": indicator.latest_year,
                        }
                    )
                yield [row.get(column, "") for column in ORT_COLUMNS]
