"""National-target feeds, under /feeds/ (not language-prefixed)."""

from core.syndication import feed_routes

from . import feeds

app_name = "targets_feeds"

urlpatterns = [
    *feed_routes("targets/progress", feeds.ProgressFeed, "progress"),
    *feed_routes(
        "targets/<str:iso>/progress", feeds.CountryProgressFeed, "country_progress"
    ),
    *feed_routes(
        "gbf/targets/<int:number>/progress",
        feeds.GlobalTargetProgressFeed,
        "global_target_progress",
    ),
]
