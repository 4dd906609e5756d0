"""The forums' addresses, under the forum index page (/forums/, /fr/forums/...).

These routes are a plain urlconf, but they are not included from chm/urls.py:
the forum index page (`ForumIndexPage`, a Wagtail page) mounts them below its
own address (`ForumIndexPage.subpage_urlconf`, read by Wagtail's routable
page routing), and each view is given that page as `index`. Wagtail routing
is kept because the address of the forums is the page's: its slug, set by
editors, decides it (`forum_root_url()` and every forum link are built from
`page.url`); translations' page serving answers /fr/forums/... with the page
in the reader's language (or the original); and the page's title, intro and
place in the page tree (breadcrumbs, menus, sitemap, privacy, the anonymous
page cache) come with it. A fixed `path("forums/", include(...))` would keep
the addresses only while the slug stays "forums" and would still have to find
the page for every view.

The names are the ones `ForumIndexPage.reverse_subpage()` answers to.
"""

from django.urls import path

from .views import composer, moderation, posts, topics

urlpatterns = [
    path("", topics.forum_list, name="forum_list"),
    path("moderation/", moderation.moderation_queue, name="moderation_queue"),
    path(
        "moderation/flags/<int:flag_id>/",
        moderation.resolve_flag,
        name="resolve_flag",
    ),
    path(
        "moderation/held/<int:post_id>/",
        moderation.review_held_post,
        name="review_held_post",
    ),
    path("discuss/<int:page_id>/", topics.discuss_page, name="discuss_page"),
    path("preview/", composer.preview, name="preview"),
    path("mentions/", composer.mention_suggestions, name="mention_suggestions"),
    path("post/<int:post_id>/<str:action>/", posts.post_action, name="post_action"),
    path("t/<int:topic_id>/<str:action>/", topics.topic_action, name="topic_action"),
    path("<slug:forum_slug>/", topics.topic_list, name="topic_list"),
    path("<slug:forum_slug>/new/", topics.new_topic, name="new_topic"),
    path("<slug:forum_slug>/follow/", topics.follow_forum, name="follow_forum"),
    path(
        "<slug:forum_slug>/t/<int:topic_id>-<slug:topic_slug>/",
        topics.topic_detail,
        name="topic",
    ),
    path(
        "<slug:forum_slug>/t/<int:topic_id>-<slug:topic_slug>/reply/",
        topics.reply,
        name="reply",
    ),
]
