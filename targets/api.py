"""Read-only JSON for published national targets and their progress, under
/api/v2/targets/. What an anonymous visitor sees: never a draft."""

from django.http import JsonResponse

from core.api import openapi
from core.api.json_api import (
    BadQuery,
    integer,
    json_endpoint,
    listing_response,
    paginate,
    with_last_modified,
)
from core.api.registry import (
    register_api_endpoint,
    register_api_examples,
    register_openapi,
)

from .models import TargetStatus
from .records import published_targets, target_record


@json_endpoint("country", "target", "status")
def target_list(request):
    targets = published_targets()
    country = request.GET.get("country")
    if country is not None:
        if len(country) != 2 or not country.isascii() or not country.isalpha():
            raise BadQuery("country must be an ISO 3166-1 alpha-2 code")
        targets = targets.filter(country__iso_code=country.upper())
    number = integer(request, "target")
    if number is not None:
        if number > 23:
            raise BadQuery("target must be a global target's number, 1 to 23")
        targets = targets.filter(global_targets__number=number)
    status = request.GET.get("status")
    if status is not None:
        if status not in TargetStatus.values:
            raise BadQuery("status must be one of " + ", ".join(TargetStatus.values))
        targets = targets.filter(status=status)
    targets = targets.order_by("-updated_at", "-pk")
    return listing_response(paginate(request, targets, target_record, "updated_at"))


@json_endpoint()
def target_detail(request, pk: int):
    target = published_targets().filter(pk=pk).first()
    if target is None:
        return JsonResponse({"message": "not found"}, status=404)
    return with_last_modified(JsonResponse(target_record(target)), target.updated_at)


_LANG_MAP = {"type": "object", "additionalProperties": openapi.string()}
_NULL_NUMBER = {"type": "number", "nullable": True}
_NULL_INT = {"type": "integer", "nullable": True}

SCHEMAS = {
    "NationalTarget": {
        "type": "object",
        "required": ["id", "country", "title", "status", "global_targets"],
        "properties": {
            "id": {"type": "integer"},
            "country": {
                "type": "object",
                "properties": {"iso_code": openapi.string(), "title": openapi.string()},
            },
            "code": openapi.string(),
            "title": _LANG_MAP,
            "text": _LANG_MAP,
            "status": openapi.string(enum=list(TargetStatus.values)),
            "institution": openapi.string(),
            "global_targets": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "number": {"type": "integer", "minimum": 1, "maximum": 23},
                        "contribution": openapi.string(enum=["full", "partial"]),
                    },
                },
            },
            "subjects": {"type": "array", "items": openapi.string()},
            "indicators": {
                "type": "array",
                "items": openapi.ref("NationalTargetIndicator"),
            },
            "progress": {
                "type": "array",
                "items": openapi.ref("NationalTargetProgress"),
            },
            "evidence_links": {
                "type": "array",
                "items": openapi.string(format="uri"),
            },
            "published_at": openapi.NULLABLE_DATETIME,
            "updated_at": openapi.string(format="date-time"),
            "html_url": openapi.string(format="uri"),
        },
    },
    "NationalTargetIndicator": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "headline_indicator": {"type": "string", "nullable": True},
            "name": openapi.string(),
            "unit_type": openapi.string(),
            "unit": openapi.string(),
            "baseline_value": _NULL_NUMBER,
            "baseline_year": _NULL_INT,
            "latest_value": _NULL_NUMBER,
            "latest_year": _NULL_INT,
        },
    },
    "NationalTargetProgress": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "date": openapi.string(format="date"),
            "status": openapi.string(enum=list(TargetStatus.values)),
            "note": openapi.string(),
            "values": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "indicator": {"type": "integer"},
                        "value": {"type": "number"},
                        "year": {"type": "integer"},
                    },
                },
            },
        },
    },
}


def api_examples() -> dict:
    target = published_targets().order_by("pk").first()
    return {"national_target": target.pk if target else None}


def openapi_paths() -> dict[str, dict]:
    example = api_examples()["national_target"]
    return {
        "/api/v2/targets/": openapi.get_operation(
            "Published national targets with their progress, latest change first",
            [
                *openapi.paging_parameters(),
                openapi.query_parameter(
                    "country",
                    "A country's ISO 3166-1 alpha-2 code.",
                    {"type": "string", "pattern": "^[A-Za-z]{2}$"},
                ),
                openapi.query_parameter(
                    "target",
                    "A global target's number: national targets mapped to it.",
                    {"type": "integer", "minimum": 1, "maximum": 23},
                ),
                openapi.query_parameter(
                    "status",
                    "The national target's status.",
                    {"type": "string", "enum": list(TargetStatus.values)},
                ),
            ],
            openapi.listing_schema("NationalTarget"),
        ),
        "/api/v2/targets/{id}/": openapi.get_operation(
            "One published national target",
            [openapi.path_parameter("id", {"type": "integer", "minimum": 1}, example)],
            openapi.ref("NationalTarget"),
            not_found=True,
        ),
    }


def register_api() -> None:
    register_api_endpoint("api/v2/targets/", target_list, "target_list")
    register_api_endpoint("api/v2/targets/<int:pk>/", target_detail, "target_detail")
    register_openapi(openapi_paths, SCHEMAS, order=35)
    register_api_examples(api_examples)
