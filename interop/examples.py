"""Things that exist, for the API's examples.

Ids differ from one database to the next (PostgreSQL and SQLite number rows
apart, and demo data seeded twice is numbered anew), so the examples on
/api/docs/ and in /api/openapi.json are looked up when they are served, among
what an anonymous reader may see: an example answers 200, never 404. Each app
gives its own (`core.api.registry.register_api_examples`); the records' are
found here.
"""

from core.api import registry


def first_record_key(schema: str) -> str | None:
    exporter = registry.cbd_record(schema)
    if exporter is None:
        return None
    obj = exporter.queryset().first()
    return None if obj is None else str(getattr(obj, exporter.key_field))


def record_examples() -> dict:
    """record_schema and record_key: the first record of the first kind that
    has one, or None."""
    for schema in sorted(registry.cbd_records()):
        key = first_record_key(schema)
        if key is not None:
            return {"record_schema": schema, "record_key": key}
    return {"record_schema": None, "record_key": None}


def docs_examples() -> dict:
    """The apps' examples (forum, topic, post, request, offer, ...) and a
    record's, for /api/docs/."""
    return {**registry.api_examples(), **record_examples()}
