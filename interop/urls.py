"""The read API, the OpenAPI document and the widget embeds: not
language-prefixed (machines and other sites read them).

The apps' JSON endpoints (forums, cooperation, ...) are the ones they
registered (`core.api.registry.register_api_endpoint`), under this namespace:
`reverse("interop:forum_list")`."""

from django.urls import path

from core.api.registry import api_endpoints

from . import views
from .pages_api import api_router

app_name = "interop"

urlpatterns = [
    path("api/openapi.json", views.openapi, name="openapi"),
    *(
        path(endpoint.route, endpoint.view, name=endpoint.name)
        for endpoint in api_endpoints()
    ),
    path("api/v2/records/<slug:schema>/", views.record_list, name="record_list"),
    path(
        "api/v2/records/<slug:schema>/<str:key>/",
        views.record_detail,
        name="record_detail",
    ),
    path("widgets/embed/<str:kind>/", views.widget_embed, name="widget_embed"),
]

# Wagtail's router has its own namespace ("wagtailapi"), for its detail URLs.
wagtail_api_urls = [path("api/v2/", api_router.urls)]
