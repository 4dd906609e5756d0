"""Find script that could run in a rendered page, feed or e-mail.

The output is parsed (Python's html.parser decodes entities in attribute
values, as browsers do), so escaped payloads shown as text are not counted:
only elements and attributes a browser would act on are.
"""

import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "data", "poster",
    "background", "dynsrc", "lowsrc", "codebase", "cite", "longdesc", "srcset",
    "to", "values", "from", "by",
}  # fmt: skip
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
# What the URL standard drops: C0 controls and spaces at either end, tabs and
# newlines anywhere.
IGNORED_IN_SCHEME = re.compile(r"[\t\n\r]+")
C0_AND_SPACE = "".join(chr(n) for n in range(33))
DANGEROUS_ELEMENTS = {
    "iframe", "frame", "frameset", "object", "embed", "base", "applet",
    "bgsound", "import",
}  # fmt: skip
# The site's own scripts are external files served by the site itself.
OWN_SCRIPT = re.compile(r"^/(static|jsi18n|[a-z]{2}(-[a-z]+)?/jsi18n)/")


def dangerous_url(value: str) -> bool:
    squeezed = IGNORED_IN_SCHEME.sub("", value).strip(C0_AND_SPACE).lower()
    return squeezed.startswith(DANGEROUS_SCHEMES)


class _Finder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)

    def handle_startendtag(self, tag, attrs):
        self._check(tag, attrs)

    def _check(self, tag, attrs):
        here = self.get_starttag_text() or tag
        if tag == "script":
            src = dict(attrs).get("src") or ""
            kind = (dict(attrs).get("type") or "").lower()
            if not OWN_SCRIPT.match(src) and kind != "application/json":
                self.problems.append(f"script element: {here[:200]}")
            self._in_script = not src
        if tag in DANGEROUS_ELEMENTS:
            self.problems.append(f"{tag} element: {here[:200]}")
        if tag == "meta" and (dict(attrs).get("http-equiv") or "").lower() == "refresh":
            self.problems.append(f"meta refresh: {here[:200]}")
        for name, value in attrs:
            name = name.lower()
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"event handler {name}: {here[:200]}")
            elif name in URL_ATTRIBUTES and dangerous_url(value):
                self.problems.append(f"{name}={value[:60]!r}: {here[:200]}")
            elif name == "srcdoc":
                self.problems.append(f"srcdoc: {here[:200]}")
            elif name == "style" and re.search(
                r"expression\s*\(|javascript:|url\s*\(", value, re.I
            ):
                self.problems.append(f"style: {here[:200]}")

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.problems.append(f"inline script: {data[:200]}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False


def html_problems(markup: str) -> list[str]:
    finder = _Finder()
    finder.feed(markup)
    finder.close()
    return finder.problems


def feed_problems(xml: bytes) -> list[str]:
    """Parse an RSS/Atom document; the HTML inside its text nodes (descriptions,
    contents, titles of type html) is checked as HTML, the way readers show it."""
    root = ET.fromstring(xml)  # noqa: S314 - the site's own output
    problems = []
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1]
        holds_html = name in {"description", "encoded", "content", "summary"} or (
            element.get("type") in {"html", "xhtml"}
        )
        if holds_html and element.text:
            problems += html_problems(element.text)
        for name, value in element.attrib.items():
            if name.rsplit("}", 1)[-1] in {"href", "src", "url"} and dangerous_url(
                value
            ):
                problems.append(f"feed link {value[:60]!r}")
    return problems


def json_problems(body: bytes) -> list[str]:
    """Every string in a JSON answer that a client might put in a page as HTML."""
    problems = []

    def walk(value, key=""):
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, list):
            for v in value:
                walk(v, key)
        elif isinstance(value, str):
            if key.endswith(("html", "body", "content")):
                problems.extend(html_problems(value))
            if key.endswith(("url", "href", "link")) and dangerous_url(value):
                problems.append(f"{key}={value[:60]!r}")

    walk(json.loads(body))
    return problems
