"""Demo national targets for `seed_demo`: Benin, Kenya and three other Parties
each get a few targets mapped to the global targets, with indicators and
progress in different states. Written through the same functions as the site."""

from datetime import date
from decimal import Decimal

from .editing import add_indicator, create_target, publish_target, record_progress
from .models import HeadlineIndicator, NationalTarget
from .reference import sync_reference

# iso -> [(code, title, full, partial, status history, indicator)]
# indicator: (headline code or None, name, unit type, unit, baseline, year, values)
TARGETS = {
    "BJ": [
        ("T1", "Protect 30% of Benin's land and inland waters by 2030",
         [3], [1], ["in_progress", "on_track"],
         ("3.1", "", "percent", "%", "26.5", 2020, [("27.9", 2023), ("29.1", 2025)])),
        ("T2", "Control water hyacinth and other invasive plants in the Ouémé delta",
         [6], [], ["not_started", "in_progress", "off_track"],
         (None, "Area of open water cleared of water hyacinth", "hectares", "ha",
          "120", 2021, [("150", 2023), ("90", 2025)])),
        ("T3", "Train national CHM editors and share biodiversity information",
         [20, 21], [], ["in_progress", "achieved"],
         (None, "Editors trained", "count", "people", "0", 2022, [("12", 2024)])),
    ],
    "KE": [
        ("KT2", "Restore 5.1 million hectares of degraded forest and rangeland",
         [2], [10], ["in_progress", "on_track"],
         ("2.1", "", "hectares", "ha", "0", 2022, [("800000", 2024)])),
        ("KT3", "Expand marine protected areas along the coast",
         [3], [], ["in_progress", "off_track"],
         ("3.1", "", "percent", "%", "0.8", 2020, [("1.1", 2024)])),
        ("KT19", "Mobilise domestic funding for biodiversity",
         [19], [], ["not_started"], None),
    ],
    "SN": [
        ("C1", "Conserve mangroves of the Saloum delta",
         [3], [2], ["in_progress", "on_track"], None),
        ("C6", "Prevent new invasive species in the Senegal river",
         [6], [], ["off_track"], None),
    ],
    "BR": [
        ("M3", "Conserve 30% of each biome",
         [3], [], ["in_progress"],
         ("3.1", "", "percent", "%", "18.7", 2020, [("19.4", 2024)])),
        ("M7", "Reduce pesticide risk to biodiversity",
         [7], [10], ["in_progress", "off_track"], None),
    ],
    "FR": [
        ("F12", "Green spaces in every city",
         [12], [], ["on_track"], None),
        ("F15", "Companies disclose their biodiversity impacts",
         [15], [14], ["in_progress", "achieved"], None),
    ],
}  # fmt: skip


def seed_targets(countries: dict, users: dict) -> int:
    """Create the demo once per country; returns how many targets were made."""
    sync_reference()
    author = users["admin"]
    headlines = {h.code: h for h in HeadlineIndicator.objects.all()}
    made = 0
    for iso, rows in TARGETS.items():
        country = countries.get(iso)
        if country is None or NationalTarget.objects.filter(country=country).exists():
            continue
        for code, title, full, partial, statuses, indicator in rows:
            target = create_target(
                author,
                country,
                {
                    "code": code,
                    "language": "en",
                    "title": title,
                    "text": "",
                    "full_targets": full,
                    "partial_targets": partial,
                    "institution": "Ministry of the Environment",
                    "evidence_links": [],
                    "status": "not_started",
                },
            )
            values = []
            if indicator:
                head, name, unit_type, unit, base, year, values = indicator
                item = add_indicator(
                    author,
                    target,
                    {
                        "headline": headlines.get(head) if head else None,
                        "name": name,
                        "unit_type": unit_type,
                        "unit": unit,
                        "baseline_value": Decimal(base),
                        "baseline_year": year,
                    },
                )
            publish_target(author, target)
            for step, status in enumerate(statuses):
                reported = {}
                if indicator and step < len(values):
                    value, value_year = values[step]
                    reported = {item.pk: (Decimal(value), value_year)}
                record_progress(
                    author,
                    target,
                    date=date(2023 + step, 6, 1),
                    status=status,
                    note="",
                    values=reported,
                )
            made += 1
    return made
