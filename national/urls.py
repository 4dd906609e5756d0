from django.urls import path

from . import views

app_name = "national"

urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-in/hand-off/", views.handoff, name="handoff"),
    path("sign-in/complete/", views.complete, name="complete"),
    path("<str:iso>/domain/", views.claim_domain, name="claim_domain"),
    path("<str:iso>/start/", views.start, name="start"),
]
