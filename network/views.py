"""The network dashboard (/network/): every Party's national CHM at a glance,
as a map, charts and a sortable table, and the same figures as CSV or JSON."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from community.capacity import CapacityLevel
from core.csv_export import csv_writer
from targets.figures import network_figures
from translations.names import place_name

from .charts import bar_chart, line_chart
from .network_health import ACTIVITY_BUCKETS, WINDOW_DAYS, network_health
from .network_table import BadTableRequest, build_table, map_tabs, parse_state
from .world_map import world_map

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


def _bad_request(request, message: str):
    return render(
        request, "network/network_bad_request.html", {"error": message}, status=400
    )


def _month_axis(months) -> tuple[list[str], list[str]]:
    """Month names in the reader's language (Django's formats under the active
    language), with the year under the first month and under each January."""
    labels = [date_format(month, "N") for month in months]
    years = [
        date_format(month, "Y") if index == 0 or month.month == 1 else ""
        for index, month in enumerate(months)
    ]
    return labels, years


@require_GET
def network_dashboard(request):
    health = network_health()
    try:
        state = parse_state(request.GET, health)
    except BadTableRequest as error:
        return _bad_request(request, str(error))
    capacity = bar_chart(
        [str(level) for level in range(6)],
        health.capacity_distribution,
        width=360,
        height=200,
        css_prefix="level-",
        y_title=_("Parties"),
    )
    month_labels, month_years = _month_axis(health.months)
    timeline = line_chart(
        month_labels,
        [(place_name(r.title), r.timeline) for r in health.regions],
        sublabels=month_years,
        y_title=_("Contributions"),
    )
    month_names = [date_format(m, "YEAR_MONTH_FORMAT") for m in health.months]
    table = build_table(health, state)
    world = world_map()
    on_map = [(country, world.places.get(country.iso)) for country in health.countries]
    return render(
        request,
        "network/network_dashboard.html",
        {
            "health": health,
            "state": state,
            "table": table,
            "map_tabs": map_tabs(state),
            "clear_url": table.links["clear"],
            "show_all_url": table.links["show_all"],
            "show_pages_url": table.links["show_pages"],
            "month_rows": [
                {"name": name, "values": [r.timeline[i] for r in health.regions]}
                for i, name in enumerate(month_names)
            ],
            "world": world,
            "shapes": [(c, p) for c, p in on_map if p and p.path],
            "dots": [(c, p) for c, p in on_map if p and not p.path],
            "off_map": [c for c, p in on_map if p is None],
            "capacity_chart": capacity,
            "timeline_chart": timeline,
            "month_names": month_names,
            "capacity_levels": CapacityLevel.choices,
            "activity_buckets": _activity_legend(),
            "window_days": WINDOW_DAYS,
            "gbf_figures": network_figures(),
        },
    )


def _activity_legend() -> list[tuple[int, str]]:
    """The activity map's classes and their text, from ACTIVITY_BUCKETS."""
    legend = [(0, _("No activity"))]
    low = 1
    for bucket, bound in enumerate(ACTIVITY_BUCKETS[1:], start=1):
        legend.append((bucket, f"{low}–{bound}"))
        low = bound + 1
    legend.append((len(ACTIVITY_BUCKETS), f"{low}+"))
    return legend


@require_GET
def network_export(request, fmt: str):
    health = network_health()
    try:
        region = parse_state(request.GET, health).region
    except BadTableRequest as error:
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
