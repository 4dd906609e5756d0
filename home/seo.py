"""What a page says about itself to search engines and link previews: a title
and a description of at most `DESCRIPTION_LENGTH` characters.

Read from what the page's template already receives (a topic and its posts,
a Wagtail page, a request, a profile...), so no view has to be told about it;
pages with nothing of their own get a translated sentence for their kind
(`GENERIC`), else the network's one-line description.
"""

import html
import re

from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.rich_text import RichText

from translations.names import place_name, subject_name

DESCRIPTION_LENGTH = 160
SPACES = re.compile(r"\s+")

# The network's own description (also the footer's sentence).
SITE_DESCRIPTION = _(
    "CHM Commons: the community of the Clearing-House Mechanism of the "
    "Convention on Biological Diversity."
)

# Pages that show lists or tools rather than one thing, by URL name.
GENERIC = {
    "cooperation:requests": _(
        "Requests for help between Parties to the Convention on Biological "
        "Diversity, and the offers that answer them."
    ),
    "cooperation:offers": _(
        "Help offered by Parties and experts to the network of the "
        "Clearing-House Mechanism."
    ),
    "cooperation:case_studies": _(
        "How Parties helped each other: closed cooperation requests and what "
        "came of them."
    ),
    "directory:list": _(
        "Experts of the Clearing-House Mechanism network, by CBD subject, "
        "country and language."
    ),
    "network:dashboard": _(
        "How the national Clearing-House Mechanisms are doing: capacity, "
        "activity and news from the 196 Parties."
    ),
    "search:search": _(
        "Search news, forum topics, toolkits and members across the CHM network."
    ),
    "account_login": _("Sign in to the CHM Commons network."),
    "account_signup": _(
        "Join the CHM Commons network of national focal points and experts."
    ),
}


def plain_text(value) -> str:
    """Text of an HTML fragment, a rich text or a StreamField, on one line."""
    if value is None:
        return ""
    if isinstance(value, RichText):
        value = value.source
    elif hasattr(value, "raw_data") and hasattr(value, "__iter__"):
        # A StreamField: its text blocks, in order (no template rendering).
        parts = []
        for block in value:
            inner = block.value
            if isinstance(inner, RichText):
                parts.append(inner.source)
            elif isinstance(inner, str):
                parts.append(inner)
        value = " ".join(parts)
    text = html.unescape(strip_tags(str(value)))
    return SPACES.sub(" ", text).strip()


def excerpt(value, length: int = DESCRIPTION_LENGTH) -> str:
    return Truncator(plain_text(value)).chars(length)


def page_description(page: Page) -> str:
    for field in ("search_description", "intro", "summary", "body", "description"):
        text = excerpt(getattr(page, field, None))
        if text:
            return text
    return ""


def describe(context) -> tuple[str, str]:
    """(title, description) of the page being rendered with `context`."""
    topic = context.get("topic")
    if topic is not None and hasattr(topic, "title"):
        posts = context.get("posts") or []
        text = excerpt(posts[0].html) if posts else ""
        forum = getattr(topic, "forum", None)
        return topic.title, text or gettext("A discussion in %(forum)s: %(title)s") % {
            "forum": subject_name(forum.name) if forum else "",
            "title": topic.title,
        }
    for name, field in (("coop", "problem"), ("offer", "description")):
        item = context.get(name)
        if item is not None and hasattr(item, "title"):
            return item.title, excerpt(getattr(item, field, "")) or str(
                SITE_DESCRIPTION
            )
    member = context.get("member")
    if member is not None and hasattr(member, "get_display_name"):
        name = member.get_display_name()
        return name, excerpt(getattr(member, "bio", "")) or gettext(
            "%(name)s, a member of the CHM Commons network."
        ) % {"name": name}
    forum = context.get("forum")
    if forum is not None and hasattr(forum, "description"):
        name = subject_name(forum.name)
        return name, excerpt(forum.description) or gettext(
            "Discussions in the forum %(forum)s of the CHM network."
        ) % {"forum": name}
    tag = context.get("tag")
    if tag is not None and hasattr(tag, "slug"):
        name = subject_name(tag.name)
        return name, gettext(
            "News, forum topics and toolkits about %(tag)s across the CHM network."
        ) % {"tag": name}
    page = context.get("page")
    if isinstance(page, Page):
        title = page.seo_title or place_name(page.title)
        return title, page_description(page) or str(SITE_DESCRIPTION)
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    generic = GENERIC.get(getattr(match, "view_name", None) or "")
    return "", str(generic or SITE_DESCRIPTION)
