"""The Global Biodiversity Framework as reference data, from `data/gbf.json`.

`sync_reference()` makes the tables match the file: it creates or updates
each goal, target and headline indicator by its code (never deleting one a
national target may point at), and links each global target to the CBD
subjects the file names, where those subjects exist (they are seeded with the
shared vocabulary; run `manage.py sync_gbf` again after seeding them). It is
idempotent: the data migration runs it once, and the command re-runs it when
the file changes.
"""

import json
from pathlib import Path

from django.db import transaction

GBF_FILE = Path(__file__).resolve().parent / "data" / "gbf.json"
LANGUAGES = ("en", "fr", "es", "ar", "ru", "zh")


def load_file(path: Path = GBF_FILE) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _titles(entry: dict) -> dict:
    return {lang: (entry["title"].get(lang) or "").strip() for lang in LANGUAGES}


def sync_reference(apps=None, data: dict | None = None) -> dict[str, int]:
    """Load `data` (the file by default); `apps` is a migration's app registry."""
    if apps is None:
        from django.apps import apps
    data = data if data is not None else load_file()
    Goal = apps.get_model("targets", "GlobalGoal")
    Target = apps.get_model("targets", "GlobalTarget")
    Headline = apps.get_model("targets", "HeadlineIndicator")
    Subject = apps.get_model("community", "Subject")
    with transaction.atomic():
        goals = {}
        for entry in data["goals"]:
            goals[entry["code"]], _ = Goal.objects.update_or_create(
                code=entry["code"], defaults={"titles": _titles(entry)}
            )
        targets = {}
        for entry in data["targets"]:
            targets[entry["number"]], _ = Target.objects.update_or_create(
                number=entry["number"], defaults={"titles": _titles(entry)}
            )
        headlines = {}
        for entry in data["headline_indicators"]:
            headlines[entry["code"]], _ = Headline.objects.update_or_create(
                code=entry["code"],
                defaults={
                    "titles": _titles(entry),
                    "goal": goals.get(entry.get("goal")),
                    "target": targets.get(entry.get("target")),
                },
            )
        subjects = {s.code: s for s in Subject.objects.all()}
        for entry in data["targets"]:
            target = targets[entry["number"]]
            target.headline_indicators.set(
                [headlines[c] for c in entry["headline_indicators"] if c in headlines]
            )
            target.subjects.set(
                [subjects[c] for c in entry.get("subjects", []) if c in subjects]
            )
    return {
        "goals": len(goals),
        "targets": len(targets),
        "headline_indicators": len(headlines),
    }
