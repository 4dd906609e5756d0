from django.urls import path

from . import views

app_name = "network"
urlpatterns = [
    path("", views.network_dashboard, name="dashboard"),
    path("network.csv", views.network_export, {"fmt": "csv"}, name="csv"),
    path("network.json", views.network_export, {"fmt": "json"}, name="json"),
]
