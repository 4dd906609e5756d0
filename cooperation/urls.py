"""Cooperation pages (language-prefixed), at /cooperation/."""

from django.urls import path

from . import views

app_name = "cooperation"
urlpatterns = [
    path("", views.request_list, name="requests"),
    path("requests/new/", views.request_create, name="request_create"),
    path("requests/<int:pk>/", views.request_detail, name="request"),
    path("requests/<int:pk>/edit/", views.request_edit, name="request_edit"),
    path("requests/<int:pk>/status/", views.request_status, name="request_status"),
    path(
        "requests/<int:pk>/interest/", views.request_interest, name="request_interest"
    ),
    path("requests/<int:pk>/select/", views.request_select, name="request_select"),
    path("requests/<int:pk>/close/", views.request_close, name="request_close"),
    path("case-studies/", views.case_studies, name="case_studies"),
    path("offers/", views.offer_list, name="offers"),
    path("offers/new/", views.offer_create, name="offer_create"),
    path("offers/<int:pk>/", views.offer_detail, name="offer"),
    path("offers/<int:pk>/edit/", views.offer_edit, name="offer_edit"),
    path(
        "offers/<int:pk>/availability/",
        views.offer_availability,
        name="offer_availability",
    ),
]
