from django.urls import path

from . import views

app_name = "messaging"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("with/<str:username>/", views.conversation, name="conversation"),
    path("with/<str:username>/block/", views.block, name="block"),
    path("with/<str:username>/unblock/", views.unblock, name="unblock"),
]
