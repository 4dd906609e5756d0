"""Import the news of national CHM websites from their RSS/Atom feeds.

A feed that is down, not a feed, huge, slow or hostile never stops the run and
never touches another country: its country's `FeedHarvest` records what went
wrong, and the items already imported stay as they were.
"""

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import urlsplit

import feedparser
from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.rich_text import RichText

from community.models import CountryPage
from core import outbound
from core.sanitizer import clean_html, to_text

from .models import POST_LANGUAGES, BlogPostPage, FeedHarvest

logger = logging.getLogger(__name__)

MAX_FEED_BYTES = 2 * 1024 * 1024
CONNECT_TIMEOUT = 5
TOTAL_TIMEOUT = 20
MAX_REDIRECTS = 3
MAX_ITEMS_PER_RUN = 50
USER_AGENT = "CHM Commons feed harvester"
KNOWN_LANGUAGES = {code for code, _name in POST_LANGUAGES}


class HarvestError(Exception):
    """A reason, fit to show to the country's focal point, why a feed failed."""


UNREACHABLE = gettext_lazy(
    "The feed could not be fetched. Check that its address is right and that "
    "the site is online, then try again later."
)


@dataclass
class HarvestResult:
    ok: bool
    imported: int
    message: str = ""


def fetch_feed(url: str) -> bytes:
    """Download a feed through the platform's one safe fetcher (core.outbound)."""
    try:
        fetched = outbound.fetch(
            url,
            allow_private=settings.CHM_ALLOW_PRIVATE_FEEDS,
            max_bytes=MAX_FEED_BYTES,
            connect_timeout=CONNECT_TIMEOUT,
            total_timeout=TOTAL_TIMEOUT,
            max_redirects=MAX_REDIRECTS,
            headers={
                "User-Agent": USER_AGENT,
                "Accept": "application/rss+xml, application/atom+xml, "
                "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1",
            },
        )
    except outbound.UnsafeURL as error:
        raise HarvestError(
            _(
                "The feed address is not a plain http(s) web address: it must "
                "have no user name, password or backslash, and an IP address "
                "must be written as four plain numbers."
            )
        ) from error
    except outbound.FetchFailed as error:
        # One message for every network failure and for an address that is
        # not public, so the harvest log cannot be used to map a network.
        logger.info("Feed %s could not be fetched: %s", url, error)
        raise HarvestError(str(UNREACHABLE)) from error
    except outbound.TooLarge as error:
        size = MAX_FEED_BYTES // 2**20
        raise HarvestError(
            ngettext(
                "The feed is larger than %(size)s MB.",
                "The feed is larger than %(size)s MB.",
                size,
            )
            % {"size": size}
        ) from error
    except outbound.TooManyRedirects as error:
        raise HarvestError(_("The feed redirects too many times.")) from error
    if fetched.status != 200:
        raise HarvestError(
            _("The feed answered with HTTP status %(status)s.")
            % {"status": fetched.status}
        )
    return fetched.body


def parse_feed(body: bytes) -> feedparser.FeedParserDict:
    parsed = feedparser.parse(body)
    if not parsed.get("version"):
        if b"<html" in body[:4096].lower():
            raise HarvestError(_("The address returns a web page, not a feed."))
        raise HarvestError(_("The address does not return an RSS or Atom feed."))
    if parsed.get("bozo") and not parsed.entries:
        raise HarvestError(_("The feed is not well-formed XML."))
    return parsed


def safe_link(link: str) -> str:
    link = (link or "").strip()
    return link[:1000] if urlsplit(link).scheme in {"http", "https"} else ""


def entry_date(entry) -> datetime:
    moment = entry.get("published_parsed") or entry.get("updated_parsed")
    now = timezone.now()
    if not moment:
        return now
    try:
        value = datetime(*moment[:6], tzinfo=UTC)
    except (TypeError, ValueError):
        return now
    return min(value, now)


def entry_html(entry) -> str:
    contents = entry.get("content") or []
    raw = contents[0].get("value", "") if contents else entry.get("summary", "")
    return clean_html(raw)


def unique_slug(base: str, taken: set[str]) -> str:
    base = (slugify(base) or "news")[:60].strip("-") or "news"
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    taken.add(slug)
    return slug


def import_entries(country: CountryPage, parsed) -> int:
    existing = BlogPostPage.objects.filter(country=country)
    known_guids = set(existing.values_list("source_guid", flat=True)) - {""}
    known_links = set(existing.values_list("source_url", flat=True)) - {""}
    taken_slugs = set(country.get_children().values_list("slug", flat=True))
    feed_title = to_text(parsed.feed.get("title", ""))[:255]
    feed_language = (parsed.feed.get("language") or "").lower()[:2]
    language = feed_language if feed_language in KNOWN_LANGUAGES else "en"
    imported = 0
    for entry in parsed.entries[:MAX_ITEMS_PER_RUN]:
        link = safe_link(entry.get("link", ""))
        guid = (entry.get("id") or link).strip()[:1000]
        title = Truncator(to_text(entry.get("title", ""))).chars(255)
        if (
            not guid
            or not title
            or guid in known_guids
            or (link and link in known_links)
        ):
            continue
        body_html = entry_html(entry)
        intro = Truncator(to_text(body_html) or title).chars(500)
        post = BlogPostPage(
            title=title,
            slug=unique_slug(title, taken_slugs),
            intro=intro,
            body=[("paragraph", RichText(body_html))] if body_html else [],
            published_at=entry_date(entry),
            language=language,
            source_url=link,
            source_guid=guid,
            source_name=feed_title,
        )
        try:
            with transaction.atomic():
                country.refresh_from_db()
                country.add_child(instance=post)
        except Exception:  # one bad item must not stop the others
            logger.exception("Could not import %r from the feed of %s", guid, country)
            continue
        known_guids.add(guid)
        known_links.add(link)
        imported += 1
    return imported


def harvest_country(country: CountryPage) -> HarvestResult:
    """Fetch and import one country's national feed; record how it went."""
    status, _created = FeedHarvest.objects.get_or_create(country=country)
    status.feed_url = country.feed_url
    status.last_attempt = timezone.now()
    if not country.feed_url:
        result = HarvestResult(False, 0, _("No national feed is set."))
    else:
        try:
            parsed = parse_feed(fetch_feed(country.feed_url))
            result = HarvestResult(True, import_entries(country, parsed))
        except HarvestError as error:
            result = HarvestResult(False, 0, str(error))
        except Exception:
            logger.exception("Harvesting the feed of %s failed", country)
            result = HarvestResult(
                False, 0, _("Unexpected error while reading the feed.")
            )
    status.status = FeedHarvest.Status.OK if result.ok else FeedHarvest.Status.ERROR
    status.message = result.message[:500]
    status.items_imported = result.imported
    if result.ok:
        status.last_success = status.last_attempt
    status.save()
    if result.imported:
        FeedHarvest.objects.filter(pk=status.pk).update(
            items_total=F("items_total") + result.imported
        )
    return result


def countries_with_feeds():
    return CountryPage.objects.live().exclude(feed_url="").order_by("title")
