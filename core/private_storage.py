"""Files that no web server location serves: only views that check who may
read them (the toolkit download view) hand them out.

A local folder outside MEDIA_ROOT (`CHM_PRIVATE_MEDIA_ROOT`), so neither
`/media/` in `make run` nor the proxy's `/media/` location can reach them.
Fields use it as `storages["private"]`, so object storage (a private bucket)
is a change of `STORAGES` alone.
"""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.functional import cached_property


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
