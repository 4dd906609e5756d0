"""Toolkit actions served beside the page tree (language-prefixed)."""

from django.urls import path

from . import views

app_name = "toolkits"
urlpatterns = [
    path("toolkits/propose/", views.propose, name="propose"),
    path("downloads/<int:pk>/<str:filename>", views.download, name="download"),
]
