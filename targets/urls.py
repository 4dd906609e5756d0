"""National targets pages (language-prefixed): each country's under
/targets/<iso>/ (served on its national site too), the framework under /gbf/."""

from django.urls import path

from . import exports, views

app_name = "targets"
urlpatterns = [
    path("targets/<str:iso>/", views.country_targets, name="country"),
    path("targets/<str:iso>/new/", views.target_create, name="create"),
    path("targets/<str:iso>/<int:pk>/", views.national_target, name="national_target"),
    path("targets/<str:iso>/<int:pk>/edit/", views.target_edit, name="edit"),
    path(
        "targets/<str:iso>/<int:pk>/indicators/new/",
        views.indicator_add,
        name="indicator_add",
    ),
    path("targets/<str:iso>/<int:pk>/progress/", views.progress_add, name="progress"),
    path(
        "targets/<str:iso>/<int:pk>/documents/new/",
        views.document_add,
        name="document_add",
    ),
    path(
        "targets/<str:iso>/<int:pk>/documents/<int:document>/<str:filename>",
        views.document_download,
        name="document",
    ),
    path(
        "targets/<str:iso>/<int:pk>/publication/",
        views.target_publication,
        name="publication",
    ),
    path(
        "targets/<str:iso>/national-targets.csv",
        exports.country_export,
        {"fmt": "csv"},
        name="country_csv",
    ),
    path(
        "targets/<str:iso>/national-targets.json",
        exports.country_export,
        {"fmt": "json"},
        name="country_json",
    ),
    path("gbf/", views.gbf_index, name="gbf"),
    path(
        "gbf/national-targets.csv",
        exports.network_export,
        {"fmt": "csv"},
        name="network_csv",
    ),
    path(
        "gbf/national-targets.json",
        exports.network_export,
        {"fmt": "json"},
        name="network_json",
    ),
    path("gbf/national-targets/", views.network_targets, name="network_targets"),
    path("gbf/targets/<int:number>/", views.global_target, name="global_target"),
]
