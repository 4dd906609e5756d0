"""Bad input gives form errors and saves nothing half-way; CSV cells that a
spreadsheet would run as formulas are escaped."""

import csv
import io
from datetime import timedelta

import pytest
from django.utils import timezone

from targets.models import Indicator, NationalTarget, ProgressUpdate

from ..factories import login, make_indicator, make_target, target_form

pytestmark = pytest.mark.django_db

NEXT_YEAR = str(timezone.localdate().year + 1)


def _post_new(client, **fields):
    return client.post("/targets/bj/new/", target_form(**fields))


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"full_targets": ["24"]}, "There is no global target 24."),
        ({"full_targets": ["0"]}, "There is no global target 0."),
        ({"full_targets": ["three"]}, "There is no global target three."),
        ({"full_targets": []}, "Map the target to at least one global target."),
        (
            {"full_targets": ["3"], "partial_targets": ["3"]},
            "Target 3 is ticked as both full and partial.",
        ),
        ({"evidence_links": "javascript:alert(1)"}, "is not a web address"),
        (
            {
                "indicator-name": "Coverage",
                "indicator-unit_type": "percent",
                "indicator-baseline_value": "130",
                "indicator-baseline_year": "2020",
            },
            "A percentage is between 0 and 100.",
        ),
        (
            {
                "indicator-name": "Species",
                "indicator-unit_type": "count",
                "indicator-baseline_value": "2.5",
                "indicator-baseline_year": "2020",
            },
            "A count is a whole number, 0 or more.",
        ),
        (
            {
                "indicator-name": "Area",
                "indicator-unit_type": "hectares",
                "indicator-baseline_value": "-4",
                "indicator-baseline_year": "2020",
            },
            "cannot be negative",
        ),
        (
            {
                "indicator-name": "Area",
                "indicator-unit_type": "area_km2",
                "indicator-baseline_value": "4",
                "indicator-baseline_year": NEXT_YEAR,
            },
            f"The year {NEXT_YEAR} is in the future.",
        ),
        (
            {"indicator-unit_type": "kilograms", "indicator-name": "Mass"},
            "Select a valid choice",
        ),
    ],
)
def test_a_bad_target_form_shows_the_error_and_saves_nothing(
    network, people, subjects, fields, message
):
    response = _post_new(login(people.focal_benin), **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not NationalTarget.objects.exists()
    assert not Indicator.objects.exists()


def test_a_refusal_inside_the_write_rolls_back_the_target(network, people, subjects):
    """Even past the form (a global target deleted meanwhile), nothing stays."""
    from core.refusals import Refusal
    from targets.editing import create_target

    from ..factories import target_data

    with pytest.raises(Refusal):
        create_target(people.focal_benin, network.benin, target_data(full_targets=[99]))
    assert not NationalTarget.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"value_IND": "101", "year_IND": "2024"},
            "A percentage is between 0 and 100.",
        ),
        ({"value_IND": "50", "year_IND": NEXT_YEAR}, "is in the future"),
        ({"value_IND": "50"}, "Give the year of this value."),
        ({"date": "FUTURE"}, "The date is in the future."),
        ({"status": "finished"}, "Select a valid choice"),
    ],
)
def test_a_bad_progress_update_shows_the_error_and_changes_nothing(
    network, people, subjects, fields, message
):
    target = make_target(people.focal_benin, network.benin)
    indicator = make_indicator(people.focal_benin, target)
    data = {"date": "2024-05-01", "status": "on_track", "note": "Half"}
    for key, value in fields.items():
        key = key.replace("IND", str(indicator.pk))
        if value == "FUTURE":
            value = (timezone.localdate() + timedelta(days=2)).isoformat()
        data[key] = value
    response = login(people.focal_benin).post(
        f"/targets/bj/{target.pk}/progress/", data
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ProgressUpdate.objects.exists()
    target.refresh_from_db()
    indicator.refresh_from_db()
    assert target.status == "in_progress" and indicator.latest_value is None


def test_a_good_form_saves_the_target_its_mapping_and_first_indicator(
    network, people, subjects
):
    response = _post_new(
        login(people.editor_benin),
        partial_targets=["6"],
        evidence_links="https://example.org/nbsap.pdf",
        **{
            "indicator-name": "Coverage",
            "indicator-unit_type": "percent",
            "indicator-baseline_value": "20",
            "indicator-baseline_year": "2020",
        },
    )
    assert response.status_code == 302
    target = NationalTarget.objects.get()
    assert {
        (c.global_target.number, c.contribution) for c in target.contributions.all()
    } == {(3, "full"), (6, "partial")}
    assert target.indicators.get().name == "Coverage"
    assert target.evidence_links == ["https://example.org/nbsap.pdf"]


@pytest.mark.parametrize("trigger", ["=", "+", "-", "@"])
def test_csv_exports_escape_formula_cells(client, network, people, subjects, trigger):
    title = f'{trigger}HYPERLINK("https://evil.example","x")'
    make_target(
        people.focal_benin, network.benin, title=title, institution=f"{trigger}cmd"
    )
    for address in ("/targets/bj/national-targets.csv", "/gbf/national-targets.csv"):
        response = client.get(address)
        assert response.status_code == 200
        rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        assert rows[0]["national_target_title"] == "'" + title
        assert rows[0]["responsible_institution"] == f"'{trigger}cmd"
        assert rows[0]["global_target"] == "3"
        assert rows[0]["degree_of_alignment"] == "full"
