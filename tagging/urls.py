from django.urls import path

from . import views

app_name = "tagging"
urlpatterns = [path("<slug:slug>/", views.tag, name="tag")]
