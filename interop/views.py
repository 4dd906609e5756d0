"""Thin views: the API documentation page, the OpenAPI document, CBD records,
the widget builder and the widget embeds."""

from urllib.parse import urlencode

from csp.decorators import csp_replace
from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from core.api import registry
from core.api.json_api import json_endpoint, listing_response, paginate

from . import records
from .examples import docs_examples
from .forms import WidgetForm
from .openapi import openapi_document
from .widgets import widget_items


@require_safe
def api_docs(request):
    base = settings.SITE_BASE_URL
    return render(
        request,
        "interop/api_docs.html",
        {
            "base": base,
            "schemas": sorted(registry.cbd_records()),
            "examples": docs_examples(),
        },
    )


@json_endpoint()
def openapi(request):
    return JsonResponse(openapi_document())


@json_endpoint()
def record_list(request, schema: str):
    exporter = registry.cbd_record(schema)
    if exporter is None:
        return JsonResponse({"message": "unknown record schema"}, status=404)
    queryset = exporter.queryset()
    return listing_response(
        paginate(request, queryset, exporter.to_record, exporter.modified_field)
    )


@json_endpoint()
def record_detail(request, schema: str, key: str):
    record = records.find_record(schema, key)
    if record is None:
        return JsonResponse({"message": "not found"}, status=404)
    return JsonResponse(record)


def embed_url(data: dict) -> str:
    params = {"lang": data["lang"], "limit": data["limit"]}
    if data["kind"] == "news":
        params["country"] = data["country"]
    if data["kind"] == "topics":
        params["forum"] = data["forum"]
    path = reverse("interop:widget_embed", args=[data["kind"]])
    return f"{settings.SITE_BASE_URL}{path}?{urlencode(params)}"


@require_safe
def widget_builder(request):
    form = WidgetForm(request.GET if "kind" in request.GET else None)
    context = {"form": form}
    if form.is_bound and form.is_valid():
        context["embed_url"] = embed_url(form.cleaned_data)
        context["preview_url"] = context["embed_url"].removeprefix(
            settings.SITE_BASE_URL
        )
    return render(request, "interop/widget_builder.html", context)


# Any site may frame a widget (and only a widget): no X-Frame-Options, and
# frame-ancestors opened for these responses alone.
@require_safe
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
@cache_control(public=True, max_age=300)
def widget_embed(request, kind: str):
    data = {**request.GET.dict(), "kind": kind}
    form = WidgetForm(data)
    if not form.is_valid():
        return render(request, "interop/widget_error.html", {"form": form}, status=400)
    cleaned = form.cleaned_data
    with translation.override(cleaned["lang"]):
        items = widget_items(
            kind,
            language=cleaned["lang"],
            limit=cleaned["limit"],
            country=cleaned.get("country", ""),
            forum=cleaned.get("forum", ""),
        )
        return render(
            request,
            "interop/widget.html",
            {
                "items": items,
                "kind": kind,
                "form": form,
                "site_url": settings.SITE_BASE_URL,
                "lang": cleaned["lang"],
                "heading": dict(form.fields["kind"].choices)[kind],
                "country_name": dict(form.fields["country"].choices).get(
                    cleaned.get("country")
                ),
                "forum_name": dict(form.fields["forum"].choices).get(
                    cleaned.get("forum")
                ),
            },
        )
