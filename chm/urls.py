import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from blog import views as blog_views
from community.page_chooser import ScopedChosenMultipleView
from core import media_files
from forum.sitemaps import TopicSitemap
from home import offline as home_offline
from home import views as home_views
from home.sitemaps import PageSitemap
from interop import urls as interop_urls
from translations import views as translation_views

urlpatterns = [
    path("healthz", home_views.healthz, name="healthz"),
    path("favicon.ico", home_views.favicon, name="favicon"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path(
        "sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": {"pages": PageSitemap, "topics": TopicSitemap}},
        name="sitemap",
    ),
    path("manifest.webmanifest", home_views.web_app_manifest, name="web_app_manifest"),
    # The service worker, at the root so that it may control the whole site.
    path("sw.js", home_offline.service_worker, name="service_worker"),
    # Before Wagtail's own: the chooser's answer, scoped to pages the member
    # may list (community/page_chooser.py).
    path(
        "admin/choose-page/chosen-multiple/",
        require_admin_access(ScopedChosenMultipleView.as_view()),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/setlang/", translation_views.set_language, name="set_language"),
    path("feeds/", include("blog.urls")),
    path("feeds/", include("toolkits.feed_urls")),
    path("feeds/", include("forum.feed_urls")),
    path("feeds/", include("cooperation.feed_urls")),
    path("feeds/", include("events.feed_urls")),
    path("feeds/", include("targets.feed_urls")),
    path("", include("interop.urls")),
    path("", include("national.look_urls")),
    *interop_urls.wagtail_api_urls,
]

# The public media folders (Wagtail images) through the application: from the
# local disk in `make run` (CHM_SERVE_PUBLIC_MEDIA), and whenever uploads are
# in a bucket, whose objects are all private (core/media_files.py). Documents
# go through Wagtail's serve view (collection privacy) and toolkit files
# through the download view (publication), never straight. Production on
# the local disk leaves these to nginx.
urlpatterns.append(
    re_path(
        rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<folder>[\w-]+)/(?P<path>.+)$",
        media_files.public_media,
        name="public_media",
    )
)

# Everything a visitor reads is language-prefixed (/fr/, /ar/, ...); English,
# the source language, stays at the root.
urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path("members/", include("community.urls")),
    path("network/", include("network.urls")),
    path("experts/", include("community.directory_urls")),
    path("messages/", include("messaging.urls")),
    path("search/", include("search.urls")),
    path("tags/", include("tagging.urls")),
    path("notifications/", include("notifications.urls")),
    path("cooperation/", include("cooperation.urls")),
    path("national/", include("national.urls")),
    path("offline/", home_offline.offline_page, name="offline"),
    path("", include("targets.urls")),
    path("harvest/<str:iso>/", blog_views.harvest_now, name="harvest_country"),
    path("", include("interop.page_urls")),
    path("", include("toolkits.urls")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    # Wagtail's page serving must come last: it catches every other path. A
    # page missing in the reader's language falls back to the original.
    # (Wagtail's own /_util/ views, included below, are left to it.)
    re_path(r"^(?!_util/)([\w\-/]*)$", translation_views.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
