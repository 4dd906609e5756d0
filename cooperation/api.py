"""Read-only JSON for cooperation requests and offers, under /api/v2/.

What an anonymous visitor sees on the HTML pages, no more: every request
(withdrawn ones too, with their status), available offers only, and never a
contact email (signed-in members see it on the request's page; the API is
always anonymous). Filters are the HTML lists' own (`FilterForm`), so a value
the lists refuse is refused here too, as a JSON 400. `register_api()`, called
from `CooperationConfig.ready()`, gives the read API the endpoints, their
OpenAPI description and examples that exist.
"""

from django.contrib.auth.models import AnonymousUser
from django.http import JsonResponse

from core.api import openapi
from core.api.json_api import (
    BadQuery,
    absolute,
    iso,
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

from .forms import FilterForm
from .listing import filter_offers, filter_requests
from .models import CooperationOffer, CooperationRequest

ANONYMOUS = AnonymousUser()
FILTERS = ("subject", "region", "type", "language")


def visible_requests():
    return (
        CooperationRequest.objects.visible_to(ANONYMOUS)
        .for_listing()
        .select_related("selected_offer")
    )


def visible_offers():
    return CooperationOffer.objects.visible_to(ANONYMOUS).for_listing()


def _filters(request, *, with_status: bool) -> dict:
    form = FilterForm(request.GET, with_status=with_status)
    if not form.is_valid():
        raise BadQuery(
            "; ".join(
                f"{name}: {' '.join(str(e) for e in errors)}"
                for name, errors in form.errors.items()
            )
        )
    return form.cleaned_data


def _country(country) -> dict | None:
    if country is None:
        return None
    return {"iso_code": country.iso_code, "title": country.title}


def _subjects(obj) -> list[dict]:
    subjects = sorted(obj.subjects.all(), key=lambda s: s.code)
    return [{"code": s.code, "slug": s.tag.slug, "name": s.tag.name} for s in subjects]


def request_record(coop: CooperationRequest) -> dict:
    offer = coop.selected_offer
    return {
        "id": coop.pk,
        "title": coop.title,
        "problem": coop.problem,
        "status": coop.status,
        "country": _country(coop.country),
        "organisation": coop.organisation,
        "contact_name": coop.contact_name,
        "assistance_types": list(coop.assistance_types),
        "subjects": _subjects(coop),
        "languages": list(coop.languages),
        "scope": coop.scope,
        "start_date": iso(coop.start_date),
        "deadline": iso(coop.deadline),
        # An offer withdrawn since is not shown to anonymous readers.
        "selected_offer": offer.pk if offer and offer.is_active else None,
        "outcome": coop.outcome if coop.is_case_study else "",
        "lessons_learned": coop.lessons_learned if coop.is_case_study else "",
        "created_at": iso(coop.created_at),
        "updated_at": iso(coop.updated_at),
        "closed_at": iso(coop.closed_at),
        "html_url": absolute(coop.get_absolute_url()),
    }


def offer_record(offer: CooperationOffer) -> dict:
    return {
        "id": offer.pk,
        "title": offer.title,
        "description": offer.description,
        "provider_kind": offer.provider_kind,
        "provider": offer.provider_name(),
        "organisation": offer.organisation,
        "country": _country(offer.country),
        "assistance_types": list(offer.assistance_types),
        "subjects": _subjects(offer),
        "regions": [
            {"slug": r.slug, "title": r.title}
            for r in sorted(offer.regions.all(), key=lambda r: r.slug)
        ],
        "languages": list(offer.languages),
        "availability": offer.availability,
        "created_at": iso(offer.created_at),
        "updated_at": iso(offer.updated_at),
        "html_url": absolute(offer.get_absolute_url()),
    }


def _not_found() -> JsonResponse:
    return JsonResponse({"message": "not found"}, status=404)


@json_endpoint("status", *FILTERS)
def request_list(request):
    filters = _filters(request, with_status=True)
    requests = filter_requests(visible_requests(), filters).order_by(
        "-created_at", "-pk"
    )
    return listing_response(paginate(request, requests, request_record, "updated_at"))


@json_endpoint()
def request_detail(request, pk: int):
    coop = visible_requests().filter(pk=pk).first()
    if coop is None:
        return _not_found()
    return with_last_modified(JsonResponse(request_record(coop)), coop.updated_at)


@json_endpoint(*FILTERS)
def offer_list(request):
    filters = _filters(request, with_status=False)
    offers = filter_offers(visible_offers(), filters).order_by("-created_at", "-pk")
    return listing_response(paginate(request, offers, offer_record, "updated_at"))


@json_endpoint()
def offer_detail(request, pk: int):
    offer = visible_offers().filter(pk=pk).first()
    if offer is None:
        return _not_found()
    return with_last_modified(JsonResponse(offer_record(offer)), offer.updated_at)


# The OpenAPI description and the examples, registered from
# CooperationConfig.ready().


def _id(example: int | None) -> dict:
    parameter = {
        "name": "id",
        "in": "path",
        "required": True,
        "schema": {"type": "integer", "minimum": 1},
    }
    if example is not None:
        parameter["example"] = example
    return parameter


DESCRIPTIONS = {
    "status": "The request's stage.",
    "subject": "A CBD subject's tag slug, e.g. forest.",
    "region": "A region's slug (offers: those covering it, or worldwide).",
    "type": "A type of assistance.",
    "language": "A working language.",
}


def _filter_parameters(with_status: bool) -> list[dict]:
    """The filters with the values `FilterForm` accepts, read from the form
    itself (regions and subjects from the database) so the description and
    the validation cannot drift apart; the empty value means "any", as on the
    HTML lists."""
    form = FilterForm(with_status=with_status)
    return [
        {
            "name": name,
            "in": "query",
            "description": DESCRIPTIONS[name] + " Empty: any.",
            "schema": {
                "type": "string",
                "enum": [str(value) for value, _label in field.choices],
            },
        }
        for name, field in form.fields.items()
    ]


_string = openapi.string


_NULLABLE_DATE = {"type": "string", "format": "date", "nullable": True}
_COUNTRY = {
    "type": "object",
    "nullable": True,
    "required": ["iso_code", "title"],
    "properties": {"iso_code": _string(), "title": _string()},
}
_SUBJECTS = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["code", "slug", "name"],
        "properties": {
            "code": _string(example="CBD-SUBJECT-FOR"),
            "slug": _string(),
            "name": _string(),
        },
    },
}
_CODES = {"type": "array", "items": _string()}

SCHEMAS = {
    "CooperationRequest": {
        "type": "object",
        "required": ["id", "title", "problem", "status", "country", "html_url"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "integer"},
            "title": _string(),
            "problem": _string(description="Plain text."),
            "status": _string(
                enum=["open", "discussion", "matched", "closed", "withdrawn"]
            ),
            "country": _COUNTRY,
            "organisation": _string(),
            "contact_name": _string(description="No email: members only."),
            "assistance_types": _CODES,
            "subjects": _SUBJECTS,
            "languages": _CODES,
            "scope": _string(enum=["national", "subregional", "regional", "global"]),
            "start_date": _NULLABLE_DATE,
            "deadline": _NULLABLE_DATE,
            "selected_offer": {"type": "integer", "nullable": True},
            "outcome": _string(description="Closed requests (case studies) only."),
            "lessons_learned": _string(),
            "created_at": _string(format="date-time"),
            "updated_at": _string(format="date-time"),
            "closed_at": {"type": "string", "format": "date-time", "nullable": True},
            "html_url": _string(format="uri"),
        },
    },
    "CooperationOffer": {
        "type": "object",
        "required": ["id", "title", "description", "provider", "html_url"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "integer"},
            "title": _string(),
            "description": _string(description="Plain text."),
            "provider_kind": _string(enum=["member", "organisation", "country"]),
            "provider": _string(description="Country, organisation or name."),
            "organisation": _string(),
            "country": _COUNTRY,
            "assistance_types": _CODES,
            "subjects": _SUBJECTS,
            "regions": {
                "type": "array",
                "description": "Empty: worldwide.",
                "items": {
                    "type": "object",
                    "properties": {"slug": _string(), "title": _string()},
                },
            },
            "languages": _CODES,
            "availability": _string(),
            "created_at": _string(format="date-time"),
            "updated_at": _string(format="date-time"),
            "html_url": _string(format="uri"),
        },
    },
}


def openapi_paths() -> dict[str, dict]:
    """This app's part of /api/openapi.json, built when it is served: the
    filters' allowed values and the examples come from the database."""
    examples = api_examples()
    return {
        "/api/v2/cooperation/requests/": openapi.get_operation(
            "Cooperation requests, newest first",
            [*openapi.paging_parameters(), *_filter_parameters(True)],
            openapi.listing_schema("CooperationRequest"),
        ),
        "/api/v2/cooperation/requests/{id}/": openapi.get_operation(
            "One cooperation request",
            [_id(examples["request"])],
            {"$ref": "#/components/schemas/CooperationRequest"},
            not_found=True,
        ),
        "/api/v2/cooperation/offers/": openapi.get_operation(
            "Available cooperation offers, newest first",
            [*openapi.paging_parameters(), *_filter_parameters(False)],
            openapi.listing_schema("CooperationOffer"),
        ),
        "/api/v2/cooperation/offers/{id}/": openapi.get_operation(
            "One available cooperation offer",
            [_id(examples["offer"])],
            {"$ref": "#/components/schemas/CooperationOffer"},
            not_found=True,
        ),
    }


def api_examples() -> dict:
    """request and offer (ids): the first an anonymous reader may see, or None
    where there is none."""
    request = visible_requests().order_by("pk").first()
    offer = visible_offers().order_by("pk").first()
    return {
        "request": request.pk if request else None,
        "offer": offer.pk if offer else None,
    }


def register_api() -> None:
    register_api_endpoint(
        "api/v2/cooperation/requests/", request_list, "cooperation_request_list"
    )
    register_api_endpoint(
        "api/v2/cooperation/requests/<int:pk>/",
        request_detail,
        "cooperation_request_detail",
    )
    register_api_endpoint(
        "api/v2/cooperation/offers/", offer_list, "cooperation_offer_list"
    )
    register_api_endpoint(
        "api/v2/cooperation/offers/<int:pk>/",
        offer_detail,
        "cooperation_offer_detail",
    )
    register_openapi(openapi_paths, SCHEMAS, order=30)
    register_api_examples(api_examples)
