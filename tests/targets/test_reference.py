"""The framework as reference data: 4 goals, 23 targets, headline indicators,
a title in each of the six languages, loaded again without duplicates."""

import json

import pytest
from django.core.management import call_command
from django.utils import translation

from targets.models import GlobalGoal, GlobalTarget, HeadlineIndicator
from targets.reference import GBF_FILE, LANGUAGES, sync_reference

pytestmark = pytest.mark.django_db


def test_the_file_has_4_goals_and_23_targets_each_titled_in_six_languages():
    data = json.loads(GBF_FILE.read_text(encoding="utf-8"))
    assert data["source"] and data["source"][0]["url"].startswith("https://")
    assert [g["code"] for g in data["goals"]] == ["A", "B", "C", "D"]
    assert [t["number"] for t in data["targets"]] == list(range(1, 24))
    for entry in data["goals"] + data["targets"] + data["headline_indicators"]:
        assert set(entry["title"]) == set(LANGUAGES)
        assert all(entry["title"][lang].strip() for lang in LANGUAGES)


def test_the_loaded_tables_hold_4_goals_23_targets_with_six_titles(gbf):
    assert GlobalGoal.objects.count() == 4
    assert GlobalTarget.objects.count() == 23
    for item in [*GlobalGoal.objects.all(), *GlobalTarget.objects.all()]:
        assert all(item.titles.get(lang) for lang in LANGUAGES)
    assert HeadlineIndicator.objects.filter(code="3.1", target__number=3).exists()
    assert (
        GlobalTarget.objects.get(number=3)
        .headline_indicators.filter(code="3.1")
        .exists()
    )


def test_loading_again_changes_nothing_and_links_subjects_seeded_since(subjects):
    call_command("sync_gbf", stdout=open("/dev/null", "w"))  # noqa: SIM115
    sync_reference()
    assert GlobalTarget.objects.count() == 23
    assert HeadlineIndicator.objects.filter(code="3.1").count() == 1
    assert set(
        GlobalTarget.objects.get(number=6).subjects.values_list("code", flat=True)
    ) == {"CBD-SUBJECT-IAS"}
    assert "CBD-SUBJECT-PA" in GlobalTarget.objects.get(number=3).subjects.values_list(
        "code", flat=True
    )


def test_titles_follow_the_reader_language_with_english_fallback(gbf):
    target = GlobalTarget.objects.get(number=3)
    target.titles = {"en": "Conserve 30%", "fr": "Conserver 30 %", "ar": ""}
    with translation.override("fr"):
        assert target.title == "Conserver 30 %"
    with translation.override("ar"):
        assert target.title == "Conserve 30%"
