"""Outside the language prefixes: the same stylesheet in every language."""

from django.urls import re_path

from . import views

urlpatterns = [
    re_path(
        r"^national/accent/(?P<hex_digits>[0-9a-fA-F]{6})\.css$",
        views.accent_stylesheet,
        name="national_accent_css",
    ),
]
