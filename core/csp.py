"""Content-Security-Policy: one policy for the public site, another for the
Wagtail admin.

The public site's policy is CONTENT_SECURITY_POLICY in the settings: scripts
from our own origin or with the request's nonce, nothing inline.

The Wagtail admin builds inline ``<script>`` elements in Python, without the
request (the date and time widgets, inline and multiple-chooser panels,
choosers, the scheduling dialog), so they cannot carry a nonce: ADMIN_POLICY
allows inline script elements there. Still forbidden: inline event handlers
(``onclick=``; the one exception is the ``return;`` probe of the image focal
point editor, allowed by its hash), ``eval``, scripts, styles, fonts and
connections from other origins, plugins (``<object>``), framing by other
sites, and forms or ``<base>`` pointing elsewhere.
"""

from __future__ import annotations

import base64
import hashlib
from typing import TYPE_CHECKING

from csp.constants import NONE, SELF, UNSAFE_HASHES, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config

if TYPE_CHECKING:
    from django.http import HttpRequest, HttpResponseBase

# Where chm/urls.py mounts the Wagtail admin.
ADMIN_PREFIX = "/admin/"

# wagtailimages/js/vendor/jquery.Jcrop.min.js sets this as an ontouchstart
# handler on a detached element, and reads it back, to detect touch support.
JCROP_TOUCH_PROBE = "return;"


def inline_hash(source: str) -> str:
    """The CSP source expression matching exactly this inline script."""
    digest = hashlib.sha256(source.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


ADMIN_POLICY = {
    "default-src": [SELF],
    # Script files from our own origin only ...
    "script-src": [SELF],
    # ... and the admin's inline <script> elements, which carry no nonce.
    "script-src-elem": [SELF, UNSAFE_INLINE],
    # No inline event handlers (onclick=...), but for the one the image focal
    # point editor's Jcrop sets to detect touch support.
    "script-src-attr": [UNSAFE_HASHES, inline_hash(JCROP_TOUCH_PROBE)],
    # The admin's widgets set style attributes and inline <style>.
    "style-src": [SELF, UNSAFE_INLINE],
    # Icons in the admin's CSS (data:), previews of images being uploaded
    # (blob:), and avatars from Gravatar (WAGTAIL_GRAVATAR_PROVIDER_URL).
    "img-src": [SELF, "data:", "blob:", "https:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    # Page previews are frames on our own origin.
    "frame-src": [SELF],
    "frame-ancestors": [SELF],
    "form-action": [SELF],
    "base-uri": [SELF],
    "object-src": [NONE],
}


def is_admin_path(path: str) -> bool:
    return path.startswith(ADMIN_PREFIX)


class PathCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with ADMIN_POLICY for the Wagtail admin.

    Outside the admin, and where a view set its own policy with django-csp's
    ``@csp`` decorator, nothing changes; ``@csp_update`` and ``@csp_replace``
    still apply on top of the admin policy.
    """

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin = is_admin_path(request.path_info)
        if admin and not report_only and parts.config is None:
            parts.config = default_config(ADMIN_POLICY)
        return parts
