"""Things that exist, for the API's examples.

Ids differ from one database to the next (PostgreSQL and SQLite number rows
apart, and demo data seeded twice is numbered anew), so the examples on
/api/docs/ and in /api/openapi.json are looked up when they are served, among
what an anonymous reader may see: an example answers 200, never 404.
"""

from cooperation.api import visible_offers, visible_requests

from . import records
from .forum_api import visible_forums, visible_posts, visible_topics


def first_record_key(schema: str) -> str | None:
    exporter = records.exporter_for(schema)
    if exporter is None:
        return None
    obj = exporter.queryset().first()
    return None if obj is None else str(getattr(obj, exporter.key_field))


def api_examples() -> dict:
    """forum (slug), topic and post (ids), record_schema and record_key: the
    first of each, or None where there is none."""
    forum = visible_forums().order_by("sort_order", "pk").first()
    topic = visible_topics().order_by("pk").first()
    post = visible_posts().order_by("pk").first()
    examples = {
        "forum": forum.slug if forum else None,
        "topic": topic.pk if topic else None,
        "post": post.pk if post else None,
        "record_schema": None,
        "record_key": None,
    }
    for schema in sorted(records.exporters()):
        key = first_record_key(schema)
        if key is not None:
            examples.update(record_schema=schema, record_key=key)
            break
    return examples


def docs_examples() -> dict:
    """`api_examples()`, and a cooperation request and offer, for /api/docs/."""
    request = visible_requests().order_by("pk").first()
    offer = visible_offers().order_by("pk").first()
    return {
        **api_examples(),
        "request": request.pk if request else None,
        "offer": offer.pk if offer else None,
    }
