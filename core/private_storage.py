"""Files that no web server location serves: only views that check who may
read them (the toolkit download view) hand them out.

A local folder outside MEDIA_ROOT (`CHM_PRIVATE_MEDIA_ROOT`), so neither
`/media/` in `make run` nor the proxy's `/media/` location can reach them.
Fields use it as `storages["private"]` (through `private_storage`), so object
storage (a private bucket, core/object_storage.py) is a change of `STORAGES`
alone.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, cached_property, empty


class PrivateFileStorage(FileSystemStorage):
    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.CHM_PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "CHM_PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise NotImplementedError("Private files have no URL; serve them by a view.")


class PrivateStorage(LazyObject):
    """`storages["private"]`, looked up again whenever STORAGES changes, as
    Django's `default_storage` is: a field keeps this one object, and the
    files follow the settings (the local folder, or a bucket)."""

    def _setup(self):
        self._wrapped = storages["private"]


private_storage = PrivateStorage()


@receiver(setting_changed)
def _forget_private_storage(*, setting, **kwargs):
    if setting == "STORAGES":
        private_storage._wrapped = empty
