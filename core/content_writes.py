"""One content version for "what readers see has changed", whatever the write path.

Rendered pages (core/page_cache.py) and feeds (core/syndication.py) are kept in
the shared cache under keys that include one counter, the content version.
Every committed write to content bumps it, so the next request renders afresh
instead of waiting for the entry to expire.

Writes reach the counter three ways:
- model saves, deletes and many-to-many changes send Django's own signals;
- Wagtail's page publication, unpublication and moves send its signals;
- bulk `QuerySet.update()` / `bulk_update()` / `bulk_create()` send none, so the
  QuerySets of content models inherit `ContentQuerySet`, whose bulk writes send
  `content_updated`. (tests/security/test_cache_follows_data.py checks that
  every content model of the project does.)
"""

import logging
import secrets

from django.core.cache import cache
from django.db import models, transaction
from django.dispatch import Signal

logger = logging.getLogger(__name__)

# Sent after a bulk write changed rows. Arguments: sender (the model class).
content_updated = Signal()

VERSION_KEY = "page-cache:version"

# Writes to these apps change what anonymous visitors and feed readers see.
CONTENT_APPS = {
    # Groups and their permissions decide what members see (and what a
    # process keeps of a member's roles: community/staff_mfa.py).
    "auth",
    "blog",
    "community",
    "cooperation",
    "events",
    "forum",
    "home",
    "tagging",
    "taggit",
    "targets",
    "toolkits",
    "wagtailcore",
    "wagtaildocs",
    "wagtailimages",
}
# Frequent writes that change nothing an anonymous visitor sees.
IGNORED_MODELS = {"forum.topicreadstate", "events.eventreminder"}


class ContentQuerySet(models.QuerySet):
    """Bulk writes that tell the caches, like a save would. Usable as a mixin
    before another QuerySet class (`class X(ContentQuerySet, PageQuerySet)`)."""

    def update(self, **kwargs) -> int:
        rows = super().update(**kwargs)
        if rows:
            content_updated.send(sender=self.model)
        return rows

    update.alters_data = True

    def bulk_update(self, objs, fields, batch_size=None) -> int:
        rows = super().bulk_update(objs, fields, batch_size=batch_size)
        if rows:
            content_updated.send(sender=self.model)
        return rows

    bulk_update.alters_data = True

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        if created:
            content_updated.send(sender=self.model)
        return created

    bulk_create.alters_data = True


def _first_version() -> int:
    """Where a new count starts: a random number, so that a cache emptied or
    restarted does not bring back a version something was kept under
    (core/versioned.py keeps answers per version in each process)."""
    return 2 + secrets.randbelow(2**40)


def readable_content_version() -> int | None:
    """The content version, or None when the cache cannot be read."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _first_version(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def content_version() -> int:
    version = readable_content_version()
    return 1 if version is None else version


def bump_content_version() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # the key is gone (cache restarted): start afresh
        cache.add(VERSION_KEY, _first_version(), timeout=None)
    except Exception:  # noqa: BLE001 - a cache outage must not fail the write
        logger.warning("content version not bumped", exc_info=True)


def content_changed(sender, **kwargs) -> None:
    """Signal receiver: bump the version once the writing transaction commits."""
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label not in CONTENT_APPS:
        return
    if meta.label_lower in IGNORED_MODELS:
        return
    update_fields = kwargs.get("update_fields")
    if update_fields and set(update_fields) <= {"last_login"}:
        return
    transaction.on_commit(bump_content_version)


def connect_content_signals() -> None:
    """Called once from an AppConfig.ready(): every content write bumps."""
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (
        post_save,
        post_delete,
        m2m_changed,
        content_updated,
        page_published,
        page_unpublished,
        post_page_move,
    ):
        signal.connect(content_changed, dispatch_uid=f"content-version-{id(signal)}")
