"""axe-core (vendored, test-only) in a Playwright page: the WCAG 2.0-2.2 A and
AA rules, serious and critical violations only."""

from functools import cache
from pathlib import Path

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SERIOUS = {"serious", "critical"}

RUN = """async (tags) => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
  });
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact,
    targets: v.nodes.map((n) => n.target.join(" ")),
  }));
}"""


@cache
def axe_source() -> str:
    return AXE.read_text()


def serious_violations(page) -> list[dict]:
    """Evaluated through the DevTools protocol rather than a <script> tag, so the
    site's CSP (no inline script) does not stand in the way and stays on."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())
    return [v for v in page.evaluate(RUN, TAGS) if v["impact"] in SERIOUS]
