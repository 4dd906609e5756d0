from django.urls import path

from . import views

app_name = "national"

urlpatterns = [
    path("<str:iso>/start/", views.start, name="start"),
]
