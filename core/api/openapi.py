"""The building blocks of the OpenAPI 3.0 description of the JSON endpoints
built with `core.api.json_api` (Wagtail's own pages/documents/images API is
documented by Wagtail).

An app describes its endpoints with these (so every description has the same
shape: the same paging parameters, the same 304/400/429 answers, the same
listing envelope) and registers them with `core.api.registry.register_openapi`.
Descriptions are written out by hand, next to the views they describe; tests
check that the document validates and that live responses match its schemas.
"""

from django.conf import settings

from .json_api import DEFAULT_LIMIT, MAX_ID, MAX_OFFSET


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def string(**extra) -> dict:
    return {"type": "string", **extra}


NULLABLE_DATETIME = {"type": "string", "format": "date-time", "nullable": True}

# The schema every refusal (400, 404, 429) answers with.
ERROR_SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["message"],
        "properties": {"message": string()},
    },
}


def paging_parameters() -> list[dict]:
    return [
        {
            "name": "limit",
            "in": "query",
            "description": "How many items (default 20).",
            "schema": {
                "type": "integer",
                "minimum": 0,
                "maximum": settings.WAGTAILAPI_LIMIT_MAX,
                "default": DEFAULT_LIMIT,
            },
        },
        {
            "name": "offset",
            "in": "query",
            "description": "How many items to skip.",
            "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET},
        },
    ]


def query_parameter(name: str, description: str, schema: dict | None = None) -> dict:
    return {
        "name": name,
        "in": "query",
        "description": description,
        "schema": schema or {"type": "string"},
    }


def day_parameter(name: str, description: str) -> dict:
    # An empty value is refused (400), as any other value that is not a date.
    schema = {"type": "string", "format": "date", "minLength": 10, "maxLength": 10}
    return query_parameter(name, description, schema)


def id_query_parameter(name: str, description: str) -> dict:
    """An id in the query string, as `json_api.integer` reads it."""
    schema = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
    return query_parameter(name, description, schema)


def path_parameter(name: str, schema: dict, example=None) -> dict:
    parameter = {"name": name, "in": "path", "required": True, "schema": schema}
    if example is not None:
        parameter["example"] = example
    return parameter


def responses(schema: dict, *, not_found: bool = False) -> dict:
    answers = {
        "200": {
            "description": "OK",
            "headers": {
                "ETag": {"schema": {"type": "string"}},
                "Last-Modified": {"schema": {"type": "string"}},
            },
            "content": {"application/json": {"schema": schema}},
        },
        "304": {"description": "Not modified since the ETag or date given."},
        "400": {
            "description": "Unknown or malformed query parameter.",
            "content": {"application/json": {"schema": ref("Error")}},
        },
        "429": {
            "description": "Too many requests; see Retry-After.",
            "headers": {"Retry-After": {"schema": {"type": "integer"}}},
            "content": {"application/json": {"schema": ref("Error")}},
        },
    }
    if not_found:
        answers["404"] = {
            "description": "Not found, or not public.",
            "content": {"application/json": {"schema": ref("Error")}},
        }
    return answers


def listing_schema(item: str) -> dict:
    """`json_api.listing_response`'s envelope around items of schema `item`."""
    return {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": {
                "type": "object",
                "required": ["total_count"],
                "properties": {"total_count": {"type": "integer", "minimum": 0}},
            },
            "items": {"type": "array", "items": ref(item)},
        },
    }


def get_operation(summary: str, parameters: list, schema: dict, **kwargs) -> dict:
    return {
        "get": {
            "summary": summary,
            "parameters": parameters,
            "responses": responses(schema, **kwargs),
        }
    }
