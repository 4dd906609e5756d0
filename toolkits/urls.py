"""Toolkit actions served beside the page tree (language-prefixed)."""

app_name = "toolkits"
urlpatterns: list = []
