"""The OpenAPI document validates, matches what the endpoints answer, and a
fuzz of every documented parameter never gets a 500."""

import re

import pytest
from openapi_schema_validator import OAS30Validator
from openapi_spec_validator import validate

pytestmark = [pytest.mark.django_db, pytest.mark.shared_world]

HOSTILE = [
    "",
    "-1",
    "0",
    "abc",
    "1e9",
    "99999999999999999999999",
    "%00",
    "\x00",
    "' OR 1=1 --",
    "../../etc/passwd",
    "2026-13-45",
    "x" * 3000,
    "é😀",
]


@pytest.fixture
def spec(client, content, cooperation_data, targets_data):
    return client.get("/api/openapi.json").json()


def concrete(path: str, content, override: dict | None = None) -> str:
    """The documented path with real values in it (some replaced)."""
    values = {
        "slug": "forest",
        "id": str(
            content.topic.posts.get(number=1).pk
            if path.startswith("/api/v2/posts/")
            else content.coop.closed.pk
            if path.startswith("/api/v2/cooperation/requests/")
            else content.coop.offer.pk
            if path.startswith("/api/v2/cooperation/offers/")
            else content.national_target.pk
            if path.startswith("/api/v2/targets/")
            else content.topic.pk
        ),
        "schema": "toolkit",
        "key": str(content.toolkit.translation_key),
        **(override or {}),
    }
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], path)


def check(schema: dict, spec: dict, data) -> None:
    root = {**schema, "components": spec["components"]}
    OAS30Validator(root).validate(data)


def test_the_openapi_document_validates(spec):
    validate(spec)


def test_every_documented_path_answers_with_its_documented_schema(
    client, content, spec
):
    for path, item in spec["paths"].items():
        url = concrete(path, content)
        response = client.get(url)
        assert response.status_code == 200, url
        schema = item["get"]["responses"]["200"]["content"]["application/json"]
        check(schema["schema"], spec, response.json())
        if "items" in response.json():
            assert response.json()["items"], f"{url} should not be empty here"


def test_fuzzing_every_documented_parameter_never_gives_a_500(
    client, content, spec, settings
):
    settings.INTEROP_RATE_LIMIT = "100000/m"
    for path, item in spec["paths"].items():
        for parameter in item["get"]["parameters"]:
            for value in HOSTILE:
                if parameter["in"] == "path":
                    hostile = value.replace("/", "%2F") or "x"
                    url = concrete(path, content, {parameter["name"]: hostile})
                    response = client.get(url)
                else:
                    response = client.get(
                        concrete(path, content), {parameter["name"]: value}
                    )
                assert response.status_code in {200, 400, 404}, (path, parameter, value)
                if response.status_code != 200:
                    check({"$ref": "#/components/schemas/Error"}, spec, response.json())
        response = client.get(concrete(path, content), {"unknown": "1"})
        assert response.status_code == 400


WAGTAIL_PARAMETERS = [
    "type",
    "fields",
    "order",
    "search",
    "search_operator",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "locale",
    "site",
    "limit",
    "offset",
    "country",
    "region",
    "tag",
    "subject",
    "language",
    "since",
    "until",
    "title",
    "id",
]


@pytest.mark.parametrize(
    "base", [{}, {"type": "blog.BlogPostPage"}, {"type": "toolkits.ToolkitPage"}]
)
def test_fuzzing_the_wagtail_pages_endpoint_never_gives_a_500(
    client, content, settings, base
):
    settings.INTEROP_RATE_LIMIT = "100000/m"
    for name in WAGTAIL_PARAMETERS:
        for value in HOSTILE:
            response = client.get("/api/v2/pages/", {**base, name: value})
            assert response.status_code in {200, 400, 404}, (name, value)
            assert response["Content-Type"] == "application/json", (name, value)


def test_another_app_can_describe_its_endpoints_in_the_document(
    client, content, monkeypatch
):
    from core.api import openapi, registry

    monkeypatch.setattr(registry, "_openapi_parts", registry.openapi_parts())
    registry.register_openapi(
        {
            "/api/v2/offers/": openapi.get_operation(
                "Open offers",
                openapi.paging_parameters(),
                openapi.listing_schema("Offer"),
            )
        },
        {"Offer": {"type": "object", "properties": {"id": {"type": "integer"}}}},
    )
    spec = client.get("/api/openapi.json").json()
    validate(spec)
    assert "/api/v2/offers/" in spec["paths"]
    assert list(spec["paths"])[-1] == "/api/v2/offers/"
