"""Forum feeds, under /feeds/ (not language-prefixed)."""

app_name = "forum_feeds"
urlpatterns: list = []
