from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from chm.csv_export import csv_writer
from community.capacity import CapacityLevel

from .charts import bar_chart, line_chart
from .network_health import WINDOW_DAYS, network_health


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
        from .health import run_checks

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


# The network dashboard -----------------------------------------------------

DASHBOARD_PARAMETERS = {"colour", "region"}
COLOURINGS = ("capacity", "activity")
CSV_COLUMNS = (
    "iso",
    "title",
    "region_slug",
    "capacity_level",
    "has_focal_point",
    "has_website",
    "feed_status",
    "last_harvest",
    "news",
    "topics",
    "replies",
    "toolkits",
    "activity",
    "active_members",
    "quiet",
)


class BadDashboardRequest(Exception):
    pass


def _dashboard_filters(request, health):
    """The dashboard's few query parameters; anything else is a mistake the
    reader should hear about rather than a silently ignored filter."""
    unknown = sorted(set(request.GET) - DASHBOARD_PARAMETERS)
    if unknown:
        raise BadDashboardRequest(
            _("Unknown parameter: %(names)s. Known: colour, region.")
            % {"names": ", ".join(unknown)}
        )
    colour = request.GET.get("colour") or "capacity"
    if colour not in COLOURINGS:
        raise BadDashboardRequest(
            _("Unknown colouring “%(value)s”: use capacity or activity.")
            % {"value": colour[:40]}
        )
    region = None
    slug = request.GET.get("region")
    if slug:  # the form's "All regions" sends an empty value
        region = health.region(slug)
        if region is None:
            raise BadDashboardRequest(
                _("Unknown region “%(value)s”.") % {"value": slug[:40]}
            )
    return colour, region


def _bad_request(request, message: str):
    return render(
        request, "home/network_bad_request.html", {"error": message}, status=400
    )


@require_GET
def network_dashboard(request):
    health = network_health()
    try:
        colour, region = _dashboard_filters(request, health)
    except BadDashboardRequest as error:
        return _bad_request(request, str(error))
    regions = [region] if region else health.regions
    month_labels = [date_format(month, "M y") for month in health.months]
    capacity = bar_chart(
        [str(level) for level in range(6)],
        health.capacity_distribution,
        css_prefix="level-",
    )
    timeline = line_chart(month_labels, [(r.title, r.timeline) for r in health.regions])
    return render(
        request,
        "home/network_dashboard.html",
        {
            "health": health,
            "regions": regions,
            "selected_region": region,
            "colour": colour,
            "capacity_chart": capacity,
            "timeline_chart": timeline,
            "month_labels": month_labels,
            "capacity_levels": CapacityLevel.choices,
            "window_days": WINDOW_DAYS,
        },
    )


@require_GET
def network_export(request, fmt: str):
    health = network_health()
    try:
        _colour, region = _dashboard_filters(request, health)
    except BadDashboardRequest as error:
        return HttpResponse(
            f"{error}\n", status=400, content_type="text/plain; charset=utf-8"
        )
    if fmt == "json":
        response = JsonResponse(health.as_json(region))
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = csv_writer(response)
        writer.writerow(CSV_COLUMNS)
        for country in region.countries if region else health.countries:
            row = country.as_row()
            writer.writerow([row[column] for column in CSV_COLUMNS])
    response["Content-Disposition"] = f'attachment; filename="chm-network.{fmt}"'
    return response


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
