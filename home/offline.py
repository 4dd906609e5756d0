"""The service worker and the offline page: reading with no connection, and
the push notifications' display on the device.

`/sw.js` is static/js/sw.js, served from the site's root so that its scope is
the whole site (a worker under /static/ could only control /static/). The
view puts the worker's settings in front of the file: the site shell's
static URLs (hashed in production, so each deploy changes the worker's bytes
and the browser installs the new one, which drops the old shell), and the
offline page's address. No inline script anywhere: static/js/offline.js
registers the worker from every page.

`/offline/` lists what this device saved (offline.js reads the Cache
Storage) and is also what the worker answers for any page it has not saved
when the connection is gone. The worker fetches it without cookies, so the
copy it keeps names no member.
"""

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import override
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .views import APP_ICONS

# What every page needs to draw itself (base.html), kept when the worker
# installs so a saved page opens offline looking as it does online.
SHELL_FILES = (
    "css/site.css",
    "css/forms.css",
    "css/actions.css",
    "css/follow.css",
    "css/toolkits.css",
    "js/early.js",
    "js/actions.js",
    "js/nav.js",
    "js/search.js",
    "js/offline.js",
    "vendor/htmx/htmx.min.js",
    "favicon.svg",
)


def shell_urls() -> list[str]:
    return [static(path) for path in SHELL_FILES] + [
        static(path) for path, _size, _use in APP_ICONS
    ]


def offline_urls() -> dict[str, str]:
    """The offline page's address in each language, for the worker to keep."""
    urls = {}
    for code, _name in settings.LANGUAGES:
        with override(code):
            urls[code] = reverse("offline")
    return urls


@lru_cache(maxsize=1)
def _worker_source() -> str:
    return Path(finders.find("js/sw.js")).read_text(encoding="utf-8")


def worker_config() -> dict:
    config = {
        "shell": shell_urls(),
        "offline": offline_urls(),
        "defaultLanguage": settings.LANGUAGE_CODE,
    }
    digest = hashlib.sha256(
        (json.dumps(config, sort_keys=True) + _worker_source()).encode()
    ).hexdigest()[:12]
    return {**config, "version": digest}


@never_cache
@require_GET
def service_worker(request):
    body = f"self.CHM = {json.dumps(worker_config())};\n{_worker_source()}"
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    return response


@require_GET
def offline_page(request):
    return render(
        request,
        "home/offline.html",
        {"budget_mb": settings.CHM_OFFLINE_BUDGET_MB},
    )
