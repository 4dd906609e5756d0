"""What the first view of a topic page transfers: budget 100 KB compressed for
HTML, CSS and JavaScript (images and fonts excluded), issue 20.

Chromium (Playwright, `CHROME_PATH`, default /usr/bin/chromium) opens the
busiest public topic of the demo network with an empty cache, as an anonymous
visitor, from one production-settings server (bench/_live.py). The bytes are
Chromium's own count of what crossed the wire for each response (headers and
the compressed body: `Network.loadingFinished`'s encodedDataLength), grouped
by kind. Scripts the page loads after the first paint (the search box's style
sheet, htmx) count too: they are part of the first view.
"""

import os
from collections import defaultdict

from _live import live_server, prepare_site

BUDGET = 100 * 1024
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
COUNTED = {"Document": "HTML", "Stylesheet": "CSS", "Script": "JavaScript"}


def measure(url: str) -> tuple[dict, list]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROME)
        try:
            context = browser.new_context(viewport={"width": 390, "height": 844})
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            kinds, seen = {}, {}
            details = []

            def on_response(event):
                kinds[event["requestId"]] = event["type"]
                response = event["response"]
                seen[event["requestId"]] = (
                    response["url"],
                    response.get("headers", {}),
                )

            def on_finished(event):
                kind = kinds.get(event["requestId"])
                if kind in COUNTED:
                    url, headers = seen[event["requestId"]]
                    encoding = {k.lower(): v for k, v in headers.items()}.get(
                        "content-encoding", "none"
                    )
                    details.append(
                        (COUNTED[kind], url, int(event["encodedDataLength"]), encoding)
                    )

            cdp.on("Network.responseReceived", on_response)
            cdp.on("Network.loadingFinished", on_finished)
            page.goto(url, wait_until="networkidle")
        finally:
            browser.close()
    totals = defaultdict(int)
    for kind, _url, size, _encoding in details:
        totals[kind] += size
    return totals, details


def main() -> None:
    facts = prepare_site()
    if not facts["topic"]:
        raise SystemExit("no public topic in the bench database")
    with live_server(facts["database_url"]) as base:
        url = base + facts["topic"]
        totals, details = measure(url)
    total = sum(totals.values())
    print(f"First view of {facts['topic']} (anonymous, empty cache, 390 px)")
    for kind, _url, size, encoding in sorted(details):
        print(f"  {kind:<10} {size / 1024:7.1f} KB  {encoding:<8} {_url[len(base) :]}")
    for kind in COUNTED.values():
        print(f"{kind:<12} {totals[kind] / 1024:7.1f} KB")
    print(
        f"{'total':<12} {total / 1024:7.1f} KB of a {BUDGET // 1024} KB budget: "
        f"{total / BUDGET:.2f} of the budget "
        + ("(within)" if total <= BUDGET else "(OVER)")
    )


if __name__ == "__main__":
    main()
