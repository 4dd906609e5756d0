"""HTML-only mail to Markdown (markdownify), after the site's sanitiser has
taken out scripts, styles, event handlers and links of any scheme but http,
https and mailto. The Markdown is then cooked and sanitised again like any
post written on the site."""

from markdownify import markdownify

from core.sanitizer import clean_html


def html_to_markdown(html: str) -> str:
    safe = clean_html(html)
    return markdownify(safe, heading_style="ATX", bullets="-", strip=["img"]).strip()
