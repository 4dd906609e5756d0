"""The read API, the OpenAPI document and the widget embeds: not
language-prefixed (machines and other sites read them)."""

from django.urls import path

from cooperation import api as cooperation_api

from . import forum_api, views
from .pages_api import api_router

app_name = "interop"

urlpatterns = [
    path("api/openapi.json", views.openapi, name="openapi"),
    path("api/v2/forums/", forum_api.forum_list, name="forum_list"),
    path("api/v2/forums/<slug:slug>/", forum_api.forum_detail, name="forum_detail"),
    path("api/v2/topics/", forum_api.topic_list, name="topic_list"),
    path("api/v2/topics/<int:pk>/", forum_api.topic_detail, name="topic_detail"),
    path("api/v2/posts/", forum_api.post_list, name="post_list"),
    path("api/v2/posts/<int:pk>/", forum_api.post_detail, name="post_detail"),
    path(
        "api/v2/cooperation/requests/",
        cooperation_api.request_list,
        name="cooperation_request_list",
    ),
    path(
        "api/v2/cooperation/requests/<int:pk>/",
        cooperation_api.request_detail,
        name="cooperation_request_detail",
    ),
    path(
        "api/v2/cooperation/offers/",
        cooperation_api.offer_list,
        name="cooperation_offer_list",
    ),
    path(
        "api/v2/cooperation/offers/<int:pk>/",
        cooperation_api.offer_detail,
        name="cooperation_offer_detail",
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
