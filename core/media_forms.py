"""The Wagtail admin's image and document forms, with one more check: that
the file store can be reached, after the file itself was checked (type,
content, size) and before anything is written. When the bucket is down the
form says so and keeps nothing, instead of failing on save. (A store lost
between this check and the save still answers 503: core/middleware.py.)"""

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .object_storage import reachable

STORE_DOWN = _(
    "The file could not be stored just now (the file store cannot be reached). "
    "Nothing was saved: please send it again in a few minutes."
)


class StoreReachableMixin:
    def clean(self):
        cleaned = super().clean()
        if (
            "file" in self.changed_data
            and "file" not in self.errors
            and not reachable(default_storage)
        ):
            raise ValidationError(STORE_DOWN, code="storage_unavailable")
        return cleaned


class ImageForm(StoreReachableMixin, BaseImageForm):
    pass


class DocumentForm(StoreReachableMixin, BaseDocumentForm):
    pass
