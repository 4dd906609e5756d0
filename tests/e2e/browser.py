"""Pages in real Chromium for the browser tests: each in its own browser
context (cookies, viewport, JavaScript on or off), with the Content Security
Policy violations the page reports kept in `page.csp_violations`, so a test
can assert that none happened.

The `page` fixture (tests/e2e/conftest.py) is `open_page(browser)`; tests
that need other context options, a signed-in cookie or several pages call
`open_page` themselves and close `page.context` when done.
"""


def watch_csp(page):
    """Keep the page's Content Security Policy violations (console messages)
    in `page.csp_violations`."""
    page.csp_violations = []
    page.on(
        "console",
        lambda message: (
            page.csp_violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return page


def open_page(browser, cookies=(), **options):
    """A new page in a new context (`options` as `browser.new_context`'s,
    `cookies` added before the page opens), watching for CSP violations."""
    context = browser.new_context(**options)
    if cookies:
        context.add_cookies(list(cookies))
    return watch_csp(context.new_page())
