"""The pages people read about the API and the widgets (language-prefixed)."""

from django.urls import path

from . import views

app_name = "interop_pages"

urlpatterns = [
    path("api/docs/", views.api_docs, name="api_docs"),
    path("widgets/", views.widget_builder, name="widget_builder"),
]
