"""Test settings: fast hashing, plain static files, immediate tasks.

PostgreSQL and Redis are used when DATABASE_URL and REDIS_URL are set (CI sets
them); otherwise the embedded defaults (SQLite, local memory) apply.
"""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1", "[::1]"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# A live server in its own process (browser tests) cannot share locmem's outbox:
# it writes its mail into this folder for the test to read instead.
if os.environ.get("CHM_TEST_EMAIL_DIR"):
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = os.environ["CHM_TEST_EMAIL_DIR"]
CHM_ALLOW_DEMO_DATA = True
# Tests write inside transactions that never commit, so a cached page would
# outlive them; the page cache's own tests turn it on.
CHM_PAGE_CACHE_SECONDS = 0
# Demo feeds are served by the site itself, on loopback.
CHM_ALLOW_PRIVATE_FEEDS = True
if REDIS_URL:  # noqa: F405
    # Tests share one Redis; keep their keys apart from anything else there.
    CACHES["default"]["KEY_PREFIX"] = "chm-test"  # noqa: F405
    CHANNEL_LAYERS["default"]["CONFIG"]["prefix"] = "chm-test:asgi"  # noqa: F405

# Static files straight from the apps and static/ (no collectstatic), so live
# ASGI servers started by browser tests serve the site's CSS and JS.
MIDDLEWARE = [
    *MIDDLEWARE[:1],  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],  # noqa: F405
]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT = None
