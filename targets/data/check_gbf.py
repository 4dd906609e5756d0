#!/usr/bin/env python3
"""Validate gbf.json, the Kunming-Montreal Global Biodiversity Framework data.

Usage: python3 check_gbf.py [path/to/gbf.json]

Prints the counts and OK, and exits 0, when the file is well formed; otherwise
prints one line per problem and exits 1. Standard library only.
"""

import json
import re
import sys
from pathlib import Path

LANGUAGES = ("en", "fr", "es", "ar", "ru", "zh")
GOAL_CODES = ("A", "B", "C", "D")
SUBJECTS = frozenset(
    "CBD-SUBJECT-" + code
    for code in (
        "AGR",
        "DRY",
        "FOR",
        "IWB",
        "IBD",
        "MAR",
        "MTN",
        "ABS",
        "BFD",
        "CC",
        "CEPA",
        "ETI",
        "EA",
        "GEN",
        "GSPC",
        "GTI",
        "IA",
        "IMIA",
        "IAS",
        "PA",
        "SU",
        "TTC",
        "TOUR",
        "TK",
    )
)
INDICATOR_CODE = re.compile(r"^(?:[A-D]|[1-9]|1[0-9]|2[0-3])\.[1-9][0-9]*$")


def check_title(where, title, problems):
    if not isinstance(title, dict):
        problems.append(f"{where}: title is not an object")
        return
    extra = set(title) - set(LANGUAGES)
    if extra:
        problems.append(f"{where}: unexpected languages {sorted(extra)}")
    for lang in LANGUAGES:
        value = title.get(lang)
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{where}: title[{lang}] missing or empty")


def check(data):
    problems = []
    for key in ("source", "retrieved", "goals", "targets", "headline_indicators"):
        if key not in data:
            problems.append(f"missing top-level key {key!r}")
    if problems:
        return problems

    if not isinstance(data["source"], list) or not data["source"]:
        problems.append("source: must be a non-empty list")
    else:
        for i, src in enumerate(data["source"]):
            for field in ("title", "url", "note"):
                if not isinstance(src.get(field), str) or not src[field].strip():
                    problems.append(f"source[{i}]: {field} missing or empty")
            if not str(src.get("url", "")).startswith("https://"):
                problems.append(f"source[{i}]: url is not https")
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", str(data["retrieved"])):
        problems.append("retrieved: not a YYYY-MM-DD date")

    # Headline indicators first: the goals and targets refer to them.
    indicators = {}
    for ind in data["headline_indicators"]:
        code = ind.get("code")
        where = f"headline indicator {code!r}"
        if not isinstance(code, str) or not INDICATOR_CODE.match(code):
            problems.append(f"{where}: malformed code")
            continue
        if code in indicators:
            problems.append(f"{where}: duplicate code")
        indicators[code] = ind
        check_title(where, ind.get("title"), problems)
        goal, target = ind.get("goal"), ind.get("target")
        if goal is not None and goal not in GOAL_CODES:
            problems.append(f"{where}: goal {goal!r} is not one of A-D")
        if target is not None and (
            not isinstance(target, int)
            or isinstance(target, bool)
            or not 1 <= target <= 23
        ):
            problems.append(f"{where}: target {target!r} is not 1-23")
        if goal is None and target is None:
            problems.append(f"{where}: belongs to neither a goal nor a target")
        prefix = code.split(".")[0]
        if goal is not None and prefix != goal:
            problems.append(f"{where}: code does not start with its goal {goal}")
        if target is not None and prefix != str(target):
            problems.append(f"{where}: code does not start with its target {target}")

    def check_refs(where, refs):
        if not isinstance(refs, list):
            problems.append(f"{where}: headline_indicators is not a list")
            return
        if len(refs) != len(set(refs)):
            problems.append(f"{where}: repeated headline indicator")
        for ref in refs:
            if ref not in indicators:
                problems.append(f"{where}: unknown headline indicator {ref!r}")

    goals = data["goals"]
    codes = [g.get("code") for g in goals]
    if codes != list(GOAL_CODES):
        problems.append(f"goals: expected codes A, B, C, D in order, found {codes}")
    for goal in goals:
        where = f"goal {goal.get('code')!r}"
        check_title(where, goal.get("title"), problems)
        check_refs(where, goal.get("headline_indicators"))

    targets = data["targets"]
    numbers = [t.get("number") for t in targets]
    if numbers != list(range(1, 24)):
        problems.append(f"targets: expected numbers 1-23 in order, found {numbers}")
    for target in targets:
        where = f"target {target.get('number')!r}"
        check_title(where, target.get("title"), problems)
        check_refs(where, target.get("headline_indicators"))
        subjects = target.get("subjects")
        if not isinstance(subjects, list):
            problems.append(f"{where}: subjects is not a list")
            continue
        if len(subjects) != len(set(subjects)):
            problems.append(f"{where}: repeated subject")
        for subject in subjects:
            if subject not in SUBJECTS:
                problems.append(f"{where}: unknown subject {subject!r}")

    # Every indicator is used by the goal or target it names.
    for code, ind in indicators.items():
        owner_refs = []
        if ind.get("goal") in GOAL_CODES:
            owner_refs += [
                g.get("headline_indicators") or []
                for g in goals
                if g.get("code") == ind["goal"]
            ]
        if isinstance(ind.get("target"), int):
            owner_refs += [
                t.get("headline_indicators") or []
                for t in targets
                if t.get("number") == ind["target"]
            ]
        if not any(code in refs for refs in owner_refs):
            problems.append(
                f"headline indicator {code!r}: not listed by its own goal/target"
            )
    return problems


def main(argv):
    path = Path(argv[1]) if len(argv) > 1 else Path(__file__).with_name("gbf.json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"cannot read {path}: {exc}")
        return 1
    problems = check(data)
    if problems:
        for problem in problems:
            print(problem)
        return 1
    print(
        f"{len(data['goals'])} goals, {len(data['targets'])} targets, "
        f"{len(data['headline_indicators'])} headline indicators"
    )
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
