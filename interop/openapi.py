"""The OpenAPI 3.0 description of the JSON endpoints that are not Wagtail's
(Wagtail's own pages/documents/images API is documented by Wagtail).

Written out by hand, next to the views it describes; tests check that it
validates and that the live responses match its schemas.
"""

from collections.abc import Callable

from django.conf import settings

from .json_api import DEFAULT_LIMIT, MAX_ID
from .pages_api import MAX_OFFSET


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _string(**extra) -> dict:
    return {"type": "string", **extra}


NULLABLE_DATETIME = {"type": "string", "format": "date-time", "nullable": True}


def _paging() -> list[dict]:
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


def _query(name: str, description: str, schema: dict | None = None) -> dict:
    return {
        "name": name,
        "in": "query",
        "description": description,
        "schema": schema or {"type": "string"},
    }


def _day(name: str, description: str) -> dict:
    # An empty value is refused (400), as any other value that is not a date.
    schema = {"type": "string", "format": "date", "minLength": 10, "maxLength": 10}
    return _query(name, description, schema)


def _path(name: str, schema: dict, example=None) -> dict:
    parameter = {"name": name, "in": "path", "required": True, "schema": schema}
    if example is not None:
        parameter["example"] = example
    return parameter


def _responses(schema: dict, *, not_found: bool = False) -> dict:
    responses = {
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
            "content": {"application/json": {"schema": _ref("Error")}},
        },
        "429": {
            "description": "Too many requests; see Retry-After.",
            "headers": {"Retry-After": {"schema": {"type": "integer"}}},
            "content": {"application/json": {"schema": _ref("Error")}},
        },
    }
    if not_found:
        responses["404"] = {
            "description": "Not found, or not public.",
            "content": {"application/json": {"schema": _ref("Error")}},
        }
    return responses


def _listing(item: str) -> dict:
    return {
        "type": "object",
        "required": ["meta", "items"],
        "properties": {
            "meta": {
                "type": "object",
                "required": ["total_count"],
                "properties": {"total_count": {"type": "integer", "minimum": 0}},
            },
            "items": {"type": "array", "items": _ref(item)},
        },
    }


def _get(summary: str, parameters: list, schema: dict, **kwargs) -> dict:
    return {
        "get": {
            "summary": summary,
            "parameters": parameters,
            "responses": _responses(schema, **kwargs),
        }
    }


SCHEMAS = {
    "Error": {
        "type": "object",
        "required": ["message"],
        "properties": {"message": _string()},
    },
    "Forum": {
        "type": "object",
        "required": ["id", "slug", "name", "html_url"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "integer"},
            "slug": _string(),
            "name": _string(),
            "description": _string(),
            "subject": _string(nullable=True, example="CBD-SUBJECT-FOR"),
            "topic_count": {"type": "integer"},
            "post_count": {"type": "integer"},
            "last_post_at": NULLABLE_DATETIME,
            "html_url": _string(format="uri"),
        },
    },
    "Topic": {
        "type": "object",
        "required": ["id", "title", "forum", "author", "created_at", "html_url"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "integer"},
            "title": _string(),
            "forum": _string(description="The forum's slug."),
            "author": _string(description="Display name."),
            "created_at": _string(format="date-time"),
            "last_post_at": _string(format="date-time"),
            "reply_count": {"type": "integer"},
            "like_count": {"type": "integer"},
            "language": _string(),
            "tags": {"type": "array", "items": _string()},
            "is_solved": {"type": "boolean"},
            "html_url": _string(format="uri"),
        },
    },
    "Post": {
        "type": "object",
        "required": ["id", "topic", "number", "author", "html", "created_at"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "integer"},
            "topic": {"type": "integer"},
            "number": {"type": "integer"},
            "author": _string(description="Display name."),
            "html": _string(description="Sanitised HTML."),
            "created_at": _string(format="date-time"),
            "edited_at": NULLABLE_DATETIME,
            "like_count": {"type": "integer"},
            "html_url": _string(format="uri"),
        },
    },
    "Multilingual": {
        "type": "object",
        "description": "One string per language code, e.g. {'en': ..., 'fr': ...}.",
        "additionalProperties": _string(),
    },
    "Record": {
        "type": "object",
        "required": ["header"],
        "properties": {
            "header": {
                "type": "object",
                "required": ["identifier", "schema", "languages"],
                "properties": {
                    "identifier": _string(example="chm-commons:toolkit:<uuid>"),
                    "schema": _string(example="toolkit"),
                    "languages": {"type": "array", "items": _string()},
                    "source": _string(format="uri"),
                },
            },
            "title": _ref("Multilingual"),
            "summary": _ref("Multilingual"),
            "subjects": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"identifier": _string(example="CBD-SUBJECT-FOR")},
                },
            },
        },
    },
}


_EXTRA_PATHS: dict[str, dict] = {}
_PATH_BUILDERS: list[Callable[[], dict[str, dict]]] = []
_EXTRA_SCHEMAS: dict[str, dict] = {}


def register_paths(
    paths: dict[str, dict] | Callable[[], dict[str, dict]], schemas: dict[str, dict]
) -> None:
    """Let another app (cooperation requests and offers, for one) describe the
    JSON endpoints it adds under /api/v2/, from its AppConfig.ready(). The
    helpers below (`listing_schema`, `get_operation`, `paging_parameters`)
    keep its descriptions in the same shape. `paths` may be a function, called
    each time the document is served, for parameters whose allowed values or
    examples come from the database (regions, subjects, existing ids)."""
    if callable(paths):
        _PATH_BUILDERS.append(paths)
    else:
        _EXTRA_PATHS.update(paths)
    _EXTRA_SCHEMAS.update(schemas)


def _extra_paths() -> dict[str, dict]:
    paths = dict(_EXTRA_PATHS)
    for build in _PATH_BUILDERS:
        paths.update(build())
    return paths


def listing_schema(item: str) -> dict:
    return _listing(item)


def get_operation(summary: str, parameters: list, schema: dict, **kwargs) -> dict:
    return _get(summary, parameters, schema, **kwargs)


def paging_parameters() -> list[dict]:
    return _paging()


def openapi_document(schemas: list[str], examples: dict | None = None) -> dict:
    """The document, listing the record schemas registered at the moment.

    `examples` (forum, topic, post; record_schema and record_key) are things
    that exist, so that a reader, or a fuzzer such as schemathesis, starting
    from the examples reaches real records rather than 404s."""
    examples = examples or {}

    def object_id(name: str) -> dict:
        return _path("id", {"type": "integer", "minimum": 1}, examples.get(name))

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
        "paths": {
            "/api/v2/forums/": _get(
                "Public forums",
                [*_paging(), _query("subject", "A CBD subject code.")],
                _listing("Forum"),
            ),
            "/api/v2/forums/{slug}/": _get(
                "One public forum",
                [_path("slug", {"type": "string"}, examples.get("forum"))],
                _ref("Forum"),
                not_found=True,
            ),
            "/api/v2/topics/": _get(
                "Topics of public forums, most recently active first",
                [
                    *_paging(),
                    _query("forum", "A forum's slug."),
                    _query("tag", "A tag's slug."),
                    _query("language", "A language code."),
                    _day("since", "Active on or after this day."),
                    _day("until", "Active on or before this day."),
                ],
                _listing("Topic"),
            ),
            "/api/v2/topics/{id}/": _get(
                "One topic", [object_id("topic")], _ref("Topic"), not_found=True
            ),
            "/api/v2/posts/": _get(
                "Posts of public topics, by topic and number",
                [
                    *_paging(),
                    _query(
                        "topic",
                        "A topic id.",
                        {"type": "integer", "minimum": 1, "maximum": MAX_ID},
                    ),
                    _day("since", "Written on or after this day."),
                    _day("until", "Written on or before this day."),
                ],
                _listing("Post"),
            ),
            "/api/v2/posts/{id}/": _get(
                "One post", [object_id("post")], _ref("Post"), not_found=True
            ),
            "/api/v2/records/{schema}/": _get(
                "CBD-style records of one kind",
                [
                    *_paging(),
                    _path(
                        "schema",
                        {"type": "string", "enum": schemas},
                        examples.get("record_schema"),
                    ),
                ],
                _listing("Record"),
                not_found=True,
            ),
            "/api/v2/records/{schema}/{key}/": _get(
                "One CBD-style record",
                [
                    _path(
                        "schema",
                        {"type": "string", "enum": schemas},
                        examples.get("record_schema"),
                    ),
                    _path("key", {"type": "string"}, examples.get("record_key")),
                ],
                _ref("Record"),
                not_found=True,
            ),
            **_extra_paths(),
        },
        "components": {"schemas": {**SCHEMAS, **_EXTRA_SCHEMAS}},
    }
