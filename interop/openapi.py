"""The OpenAPI 3.0 document of the JSON endpoints that are not Wagtail's
(Wagtail's own pages/documents/images API is documented by Wagtail).

Assembled when it is served from what the apps registered
(`core.api.registry.register_openapi`: forums, cooperation requests and
offers, ...) and from this app's own part, the CBD records endpoints, whose
schema enum lists the record kinds registered at the moment.
"""

from django.conf import settings

from core.api import openapi, registry

from .examples import record_examples

RECORD_SCHEMAS = {
    "Multilingual": {
        "type": "object",
        "description": "One string per language code, e.g. {'en': ..., 'fr': ...}.",
        "additionalProperties": openapi.string(),
    },
    "Record": {
        "type": "object",
        "required": ["header"],
        "properties": {
            "header": {
                "type": "object",
                "required": ["identifier", "schema", "languages"],
                "properties": {
                    "identifier": openapi.string(example="chm-commons:toolkit:<uuid>"),
                    "schema": openapi.string(example="toolkit"),
                    "languages": {"type": "array", "items": openapi.string()},
                    "source": openapi.string(format="uri"),
                },
            },
            "title": openapi.ref("Multilingual"),
            "summary": openapi.ref("Multilingual"),
            "subjects": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "identifier": openapi.string(example="CBD-SUBJECT-FOR")
                    },
                },
            },
        },
    },
}


def records_paths() -> dict[str, dict]:
    """/api/v2/records/: the registered kinds, and a record that exists as the
    example, so that a reader, or a fuzzer such as schemathesis, starting from
    the examples reaches real records rather than 404s."""
    examples = record_examples()
    schema = openapi.path_parameter(
        "schema",
        {"type": "string", "enum": sorted(registry.cbd_records())},
        examples["record_schema"],
    )
    return {
        "/api/v2/records/{schema}/": openapi.get_operation(
            "CBD-style records of one kind",
            [*openapi.paging_parameters(), schema],
            openapi.listing_schema("Record"),
            not_found=True,
        ),
        "/api/v2/records/{schema}/{key}/": openapi.get_operation(
            "One CBD-style record",
            [
                schema,
                openapi.path_parameter(
                    "key", {"type": "string"}, examples["record_key"]
                ),
            ],
            openapi.ref("Record"),
            not_found=True,
        ),
    }


def register_records_description() -> None:
    """After the forums' part, before the other apps' (the document's order)."""
    registry.register_openapi(records_paths, RECORD_SCHEMAS, order=20)


def openapi_document() -> dict:
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "CHM Commons read API",
            "version": "2",
            "description": (
                "Read-only JSON for the public forums and CBD-style records. "
                "Anonymous, CORS-open, rate-limited per client (429 with "
                "Retry-After), ETag/Last-Modified for conditional GETs. Pages, "
                "documents and images are served by Wagtail's API at "
                "/api/v2/pages/, /api/v2/documents/ and /api/v2/images/."
            ),
        },
        "servers": [{"url": settings.SITE_BASE_URL}],
        "paths": registry.openapi_paths(),
        "components": {
            "schemas": {**openapi.ERROR_SCHEMAS, **registry.openapi_schemas()}
        },
    }
