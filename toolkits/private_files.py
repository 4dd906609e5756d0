"""Moving toolkit files stored before they became private out of MEDIA_ROOT."""

from collections.abc import Iterable

from django.core.files.storage import storages


def move_to_private_storage(names: Iterable[str]) -> int:
    """Move each named file from the public media storage to the private one
    (same name); return how many moved. Files already moved are skipped, so
    it can run again (after restoring an old backup, say)."""
    public, private = storages["default"], storages["private"]
    moved = 0
    for name in names:
        if not name or not public.exists(name):
            continue
        if not private.exists(name):
            with public.open(name, "rb") as source:
                private.save(name, source)
        public.delete(name)
        moved += 1
    return moved
