"""Test settings: fast hashing, plain static files, immediate tasks.

PostgreSQL and Redis are used when DATABASE_URL and REDIS_URL are set (CI sets
them); otherwise the embedded defaults (SQLite, local memory) apply.
"""

import os

from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
# `.localhost`: the national sites' addresses (bj.localhost).
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1", "[::1]", ".localhost"]
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
CHM_MEMBER_PAGE_CACHE_SECONDS = 0
CHM_KEPT_ANSWER_SECONDS = 0
# Demo feeds are served by the site itself, on loopback.
CHM_ALLOW_PRIVATE_FEEDS = True
# Push endpoints on loopback: the tests play the push service there.
CHM_PUSH_ALLOW_PRIVATE = True
# pytest-xdist runs the suite in several processes, each with its own test
# database (pytest-django adds the worker's suffix). Each also gets a Redis
# database of its own: the tests clear the cache (a FLUSHDB) before each test,
# which must not wipe another worker's keys or channel layer. Worker gwN uses
# REDIS_URL's database number plus N; the live servers a test starts inherit
# PYTEST_XDIST_WORKER and so pick the same one.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
if REDIS_URL and XDIST_WORKER.startswith("gw"):  # noqa: F405
    from urllib.parse import urlsplit, urlunsplit

    _url = urlsplit(REDIS_URL)  # noqa: F405
    _db = int(_url.path.strip("/") or 0) + int(XDIST_WORKER[2:])
    if _db > 15:
        raise ValueError(
            f"Redis database {_db} for worker {XDIST_WORKER}: give REDIS_URL a lower "
            "database number or run fewer workers (Redis has 16 by default)"
        )
    REDIS_URL = urlunsplit(_url._replace(path=f"/{_db}"))
    CACHES["default"]["LOCATION"] = REDIS_URL  # noqa: F405
    CHANNEL_LAYERS["default"]["CONFIG"]["hosts"][0]["address"] = REDIS_URL  # noqa: F405
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

# Email in answers at reply+<token>@localhost (notifications/inbound).
CHM_INBOUND_DOMAIN = CHM_INBOUND_DOMAIN or "localhost"  # noqa: F405
