"""The site's URLs plus uploaded files, for browser tests that show images
(the live test server serves static files but not media)."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from chm.urls import urlpatterns as site_urlpatterns


def media(request, path):
    return serve(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", media),
    *site_urlpatterns,
]
