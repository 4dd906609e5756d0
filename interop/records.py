"""Reading the CBD-style records the apps registered
(`core.api.registry.register_cbd_record`): one by its identifier's key."""

from django.core.exceptions import ValidationError

from core.api import registry


def find_record(schema: str, key: str) -> dict | None:
    """The record whose header identifier ends in `key`; None for an unknown
    schema or key, malformed keys included."""
    exporter = registry.cbd_record(schema)
    if exporter is None:
        return None
    try:
        obj = exporter.queryset().filter(**{exporter.key_field: key}).first()
    except (ValidationError, ValueError):
        return None
    return exporter.to_record(obj) if obj else None
