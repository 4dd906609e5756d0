"""Toolkit feeds, under /feeds/ (not language-prefixed)."""

app_name = "toolkit_feeds"
urlpatterns: list = []
