"""The public media folders (Wagtail images and renditions) served by the
application: in `make run` from the local disk (CHM_SERVE_PUBLIC_MEDIA), and
whenever they are in a bucket (core/object_storage.py), whose objects are
all private. Everything else under /media/ is 404 here: documents go through
Wagtail's serve view, toolkit files through the download view.
"""

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponseNotModified
from django.utils.http import parse_etags
from django.views.decorators.http import require_safe

from .object_storage import guess_type, in_bucket, open_stored, streaming_response

# Renditions and originals never change under a name (a new upload gets a
# new name), so browsers and the proxy in front may keep them a long time.
CACHE_SECONDS = 7 * 24 * 60 * 60


@require_safe
def public_media(request, folder: str, path: str):
    if folder not in settings.CHM_PUBLIC_MEDIA_FOLDERS:
        raise Http404
    if not (settings.CHM_SERVE_PUBLIC_MEDIA or in_bucket(default_storage)):
        raise Http404  # production on local disk: nginx serves these
    name = f"{folder}/{path}"
    try:
        opened = open_stored(default_storage, name)
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError) as missing:
        raise Http404 from missing
    except SuspiciousFileOperation as outside:  # a name with ../ in it
        raise Http404 from outside
    if opened.etag and opened.etag in parse_etags(
        request.headers.get("If-None-Match", "")
    ):
        opened.body.close()
        return HttpResponseNotModified()
    response = streaming_response(request, opened, guess_type(name))
    if opened.etag:
        response["ETag"] = opened.etag
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
