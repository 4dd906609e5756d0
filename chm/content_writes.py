"""One signal for "content readers see has changed", whatever the write path.

Model saves and deletes send Django's own signals; bulk `QuerySet.update()`
calls (moderation flags, denormalised counters) send none. Content QuerySets
inherit `ContentQuerySet`, whose `update()` sends `content_updated` so caches
of rendered pages can be dropped.
"""

from django.db import models
from django.dispatch import Signal

# Sent after a bulk update changed rows. Arguments: sender (the model class).
content_updated = Signal()


class ContentQuerySet(models.QuerySet):
    def update(self, **kwargs) -> int:
        rows = super().update(**kwargs)
        if rows:
            content_updated.send(sender=self.model)
        return rows
