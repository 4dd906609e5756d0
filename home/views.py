from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@require_GET
def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for whatever the page
    says: the site's icon from its static files, kept a day by the browser."""
    response = HttpResponse(_favicon_bytes(), content_type="image/x-icon")
    patch_cache_control(response, public=True, max_age=86400)
    return response


@lru_cache(maxsize=1)
def _favicon_bytes() -> bytes:
    return Path(finders.find("favicon.ico")).read_bytes()


# The PNG icons drawn from favicon.svg by `manage.py build_app_icons`.
APP_ICONS = (
    ("icons/icon-192.png", "192x192", "any"),
    ("icons/icon-512.png", "512x512", "any"),
    ("icons/icon-maskable-512.png", "512x512", "maskable"),
)


@require_GET
def web_app_manifest(request):
    """/manifest.webmanifest: what a phone needs to add the site to its home
    screen (name, icons, colour), at one URL for every language."""
    manifest = {
        "id": "/",
        "name": settings.WAGTAIL_SITE_NAME,
        "short_name": settings.WAGTAIL_SITE_NAME,
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": settings.CHM_THEME_COLOR,
        "icons": [
            {"src": static(path), "sizes": sizes, "type": "image/png", "purpose": use}
            for path, sizes, use in APP_ICONS
        ],
    }
    response = JsonResponse(manifest, content_type="application/manifest+json")
    patch_cache_control(response, public=True, max_age=86400)
    return response


@never_cache
@require_GET
def healthz(request):
    """Liveness for load balancers: a tiny body and one cheap database ping.

    `?deep=1` also checks the cache and the channel layer and answers JSON
    naming each dependency's state (503 when any is down).
    """
    if request.GET.get("deep"):
        from core.health import run_checks

        checks = run_checks()
        healthy = all(check["ok"] for check in checks.values())
        return JsonResponse(
            {"status": "ok" if healthy else "unavailable", "checks": checks},
            status=200 if healthy else 503,
        )
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse(
            "database unavailable\n", status=503, content_type="text/plain"
        )
    return HttpResponse("ok\n", content_type="text/plain")


# Nothing private is reachable without signing in; these are kept out of
# crawlers' way because they are per-visitor, endless or not pages at all.
ROBOTS_DISALLOW = (
    "/admin/",
    "/django-admin/",
    "/accounts/",
    "/messages/",
    "/notifications/",
    "/search/",
    "/harvest/",
    "/i18n/",
)
# Outside i18n_patterns: no language prefix.
LANGUAGE_NEUTRAL = {"/admin/", "/django-admin/", "/i18n/"}


@require_GET
def robots_txt(request):
    """robots.txt: what crawlers may skip, in every language, and the sitemap."""
    prefixes = [""] + [
        f"/{code}"
        for code, _name in settings.LANGUAGES
        if code != settings.LANGUAGE_CODE
    ]
    lines = ["User-agent: *"]
    for path in ROBOTS_DISALLOW:
        for prefix in [""] if path in LANGUAGE_NEUTRAL else prefixes:
            lines.append(f"Disallow: {prefix}{path}")
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
    patch_cache_control(response, public=True, max_age=86400)
    return response
