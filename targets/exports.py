"""CSV and JSON downloads of published national targets, per country and for
the network, shaped after the CBD's Online Reporting Tool."""

import io

from django.http import HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

from core.csv_export import csv_writer

from .models import NationalTarget
from .records import ORT_COLUMNS, ort_rows, published_targets, target_record
from .views import _country_or_404


def _targets(country=None):
    targets = published_targets().order_by("country__title", "code", "pk")
    return targets.filter(country=country) if country is not None else targets


def _csv(targets, filename: str) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv_writer(buffer)
    writer.writerow(ORT_COLUMNS)
    writer.writerows(ort_rows(targets))
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _json(targets: list[NationalTarget], filename: str) -> JsonResponse:
    response = JsonResponse(
        {"national_targets": [target_record(t) for t in targets]},
        json_dumps_params={"ensure_ascii": False},
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_safe
def country_export(request, iso: str, fmt: str):
    country = _country_or_404(request, iso)
    name = f"national-targets-{country.iso_code.lower()}.{fmt}"
    targets = _targets(country)
    return _csv(targets, name) if fmt == "csv" else _json(targets, name)


@require_safe
def network_export(request, fmt: str):
    name = f"national-targets.{fmt}"
    targets = _targets()
    return _csv(targets, name) if fmt == "csv" else _json(targets, name)
