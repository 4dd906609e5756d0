"""What each app adds to the read API, registered from its `AppConfig.ready()`.

The read API (`interop`) sits above the apps whose data it serves, and they do
not import it: each app registers here, and `interop` serves what it finds.

    register_api_endpoint("api/v2/forums/", views.forum_list, "forum_list")
    register_openapi(openapi_paths, SCHEMAS, order=10)
    register_api_examples(api_examples)
    register_cbd_record(RecordExporter("toolkit", queryset, toolkit_record))

- An endpoint is a route under the site root (`api/v2/...`, no language
  prefix), a view built with `core.api.json_api`, and a URL name in the
  `interop` namespace (`reverse("interop:forum_list")`). Endpoints are routed
  in the order they are registered.
- A part of the OpenAPI document is a dict of paths, or a function returning
  one, called each time the document is served (for parameters whose allowed
  values or examples come from the database), and the component schemas its
  paths refer to. Parts appear by `order`, then in the order registered.
- Examples are a function returning names of things that exist (`{"forum":
  "forest", "topic": 12}`), called when the API's documentation page is
  served; `None` where there is none.
- A record kind is a `core.api.records.RecordExporter`, by its schema name:
  it gets `/api/v2/records/<schema>/`, its place in the OpenAPI enum and in
  the bulk export.
"""

from collections.abc import Callable
from dataclasses import dataclass

from .records import RecordExporter

Paths = dict[str, dict]


@dataclass(frozen=True)
class ApiEndpoint:
    route: str  # a django.urls.path() route, e.g. "api/v2/topics/<int:pk>/"
    view: Callable
    name: str  # the URL name, in the read API's namespace


@dataclass(frozen=True)
class OpenAPIPart:
    paths: Paths | Callable[[], Paths]
    schemas: dict[str, dict]
    order: int = 50


_endpoints: dict[str, ApiEndpoint] = {}
_openapi_parts: list[OpenAPIPart] = []
_examples: list[Callable[[], dict]] = []
_records: dict[str, RecordExporter] = {}


def register_api_endpoint(route: str, view: Callable, name: str) -> None:
    _endpoints[name] = ApiEndpoint(route, view, name)


def api_endpoints() -> list[ApiEndpoint]:
    return list(_endpoints.values())


def register_openapi(
    paths: Paths | Callable[[], Paths], schemas: dict[str, dict], order: int = 50
) -> None:
    """Describe endpoints in the document; the helpers of `core.api.openapi`
    (`listing_schema`, `get_operation`, `paging_parameters`) keep every
    description in the same shape."""
    _openapi_parts.append(OpenAPIPart(paths, schemas, order))


def openapi_parts() -> list[OpenAPIPart]:
    return sorted(_openapi_parts, key=lambda part: part.order)


def openapi_paths() -> Paths:
    paths: Paths = {}
    for part in openapi_parts():
        paths.update(part.paths() if callable(part.paths) else part.paths)
    return paths


def openapi_schemas() -> dict[str, dict]:
    schemas: dict[str, dict] = {}
    for part in openapi_parts():
        schemas.update(part.schemas)
    return schemas


def register_api_examples(examples: Callable[[], dict]) -> None:
    _examples.append(examples)


def api_examples() -> dict:
    found: dict = {}
    for examples in _examples:
        found.update(examples())
    return found


def register_cbd_record(exporter: RecordExporter) -> None:
    _records[exporter.schema] = exporter


def cbd_records() -> dict[str, RecordExporter]:
    """The registered record kinds, by schema name."""
    return dict(_records)


def cbd_record(schema: str) -> RecordExporter | None:
    return _records.get(schema)
