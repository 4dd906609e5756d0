"""National targets through the app's own actions (targets.editing)."""

from decimal import Decimal

from targets.editing import add_indicator, create_target, publish_target
from targets.reference import sync_reference


def load_gbf() -> None:
    """The framework, linked to whichever CBD subjects exist now."""
    sync_reference()


def target_data(**fields) -> dict:
    data = {
        "code": "T3",
        "language": "en",
        "title": "Protect 30% of the land",
        "text": "",
        "full_targets": [3],
        "partial_targets": [],
        "subjects": [],
        "institution": "Ministry of the Environment",
        "evidence_links": [],
        "status": "in_progress",
    }
    data.update(fields)
    return data


def make_target(user, country, *, published=True, **fields):
    target = create_target(user, country, target_data(**fields))
    if published:
        publish_target(user, target)
        target.refresh_from_db()
    return target


def make_indicator(user, target, **fields):
    data = {
        "headline": None,
        "name": "Protected area coverage",
        "unit_type": "percent",
        "unit": "%",
        "baseline_value": Decimal("20"),
        "baseline_year": 2020,
        "latest_value": None,
        "latest_year": None,
    }
    data.update(fields)
    return add_indicator(user, target, data)


def target_form(**fields) -> dict:
    """POST data of the national target form."""
    data = {
        "code": "T3",
        "language": "en",
        "title": "Protect 30% of the land",
        "text": "Our national target.",
        "full_targets": ["3"],
        "institution": "Ministry of the Environment",
        "status": "in_progress",
        "evidence_links": "",
    }
    data.update(fields)
    return data
