"""Lighthouse (mobile) scores of the home page, a topic and the toolkit library.

Lighthouse 12.2.3 (pinned in bench/package.json, installed into
bench/node_modules with `npm ci` when missing) drives Debian's Chromium
(`CHROME_PATH`, default /usr/bin/chromium) against one production-settings
server over the demo network (bench/_live.py). Each page is audited
`BENCH_LIGHTHOUSE_RUNS` times (default 1) and its median score per category
printed beside the target of issue 20. `BENCH_LIGHTHOUSE_JSON=dir` keeps the
full reports, which name every failing audit.
"""

import json
import os
import statistics
import subprocess
import tempfile
import urllib.request
from pathlib import Path

from _live import live_server, node_tools, prepare_site

RUNS = int(os.environ.get("BENCH_LIGHTHOUSE_RUNS", "1"))
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"performance": 90, "accessibility": 100, "best-practices": 95, "seo": 95}


def audit(bin_dir: Path, url: str, keep: Path | None) -> dict:
    """One Lighthouse run; a second try when Chromium fails to start (it
    sometimes does on a loaded machine)."""
    try:
        return audit_once(bin_dir, url, keep)
    except subprocess.CalledProcessError:
        return audit_once(bin_dir, url, keep)


def audit_once(bin_dir: Path, url: str, keep: Path | None) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        subprocess.run(  # noqa: S603
            [
                str(bin_dir / "lighthouse"),
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                # Lighthouse's default: a mid-range phone on a slow 4G link.
                "--form-factor=mobile",
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": CHROME},
        )
        result = json.loads(report.read_text())
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            name = url.split("//", 1)[1].split("/", 1)[-1].strip("/") or "home"
            (keep / (name.replace("/", "_") + ".json")).write_text(report.read_text())
    return result


def failures(result: dict) -> list[str]:
    """The audits that cost points in the categories other than performance."""
    lost = []
    for category in CATEGORIES[1:]:
        for ref in result["categories"][category]["auditRefs"]:
            found = result["audits"][ref["id"]]
            if ref["weight"] and found["score"] is not None and found["score"] < 1:
                lost.append(f"{category}: {ref['id']} ({found['title']})")
    return lost


def main() -> None:
    bin_dir = node_tools()
    facts = prepare_site()
    keep = os.environ.get("BENCH_LIGHTHOUSE_JSON")
    pages = {
        "home": "/",
        "topic": facts["topic"],
        "toolkit library": "/toolkits/",
    }
    with live_server(facts["database_url"]) as base:
        print(
            f"Lighthouse 12.2.3, mobile, {CHROME}, production settings; "
            f"median of {RUNS} run(s); targets: "
            + ", ".join(f"{name} >= {value}" for name, value in TARGETS.items())
        )
        for name, path in pages.items():
            # A visitor before: the anonymous page cache is warm, as it would be.
            urllib.request.urlopen(base + path).read()  # noqa: S310
            runs = [
                audit(bin_dir, base + path, Path(keep) if keep else None)
                for _ in range(RUNS)
            ]
            scores = {
                category: statistics.median(
                    round(run["categories"][category]["score"] * 100) for run in runs
                )
                for category in CATEGORIES
            }
            verdict = all(scores[c] >= TARGETS[c] for c in CATEGORIES)
            print(
                f"{name:<16} "
                + "  ".join(f"{c} {scores[c]:>3.0f}" for c in CATEGORIES)
                + ("  (meets the targets)" if verdict else "  (BELOW a target)")
            )
            for line in failures(runs[-1]):
                print(f"{'':<16} lost: {line}")


if __name__ == "__main__":
    main()
