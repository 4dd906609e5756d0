"""Local development: the embedded defaults (SQLite, in-memory channel layer,
local-memory cache, immediate tasks, console email)."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = os.environ.get(  # noqa: S105 - a development-only fallback
    "DJANGO_SECRET_KEY", "dev-only-insecure-key-never-used-in-production"
)
ALLOWED_HOSTS = ["*"]
CHM_ALLOW_DEMO_DATA = True
# Demo feeds are served by the site itself, on loopback.
CHM_ALLOW_PRIVATE_FEEDS = True
