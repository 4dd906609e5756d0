"""Production: everything from the environment; refuses to start without a secret.

Required: DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL.
Recommended: REDIS_URL (cache, channel layer, rate limits), CHM_BASE_URL,
CHM_TASKS_BACKEND=django_tasks_db.backend.DatabaseBackend with `manage.py db_worker`.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, use_connection_pool

if not os.environ.get("DJANGO_SECRET_KEY"):
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set in production.")
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
CHM_ALLOW_DEMO_DATA = False
# Pooled PostgreSQL connections by default in production (0 turns it off).
use_connection_pool(
    DATABASES["default"],  # noqa: F405
    int(os.environ.get("DATABASE_POOL_MAX_SIZE", "20")),
)

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_SAMESITE = "Lax"
# The Wagtail admin previews pages in a same-origin frame, so frames stay
# allowed from our own origin (CSP frame-ancestors 'self' says the same).
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# Static files: compressed, content-hashed, served by whitenoise.
MIDDLEWARE = [
    *MIDDLEWARE[:1],  # noqa: F405 - SecurityMiddleware stays first
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],  # noqa: F405
]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)

TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "CHM_TASKS_BACKEND", "django_tasks_db.backend.DatabaseBackend"
        )
    }
}

# One JSON object per log line (time, level, logger, message and any extra
# fields), for journald, Loki or any log shipper. CHM_LOG_FORMAT=text keeps
# plain lines.
if os.environ.get("CHM_LOG_FORMAT", "json") == "json":
    LOGGING = {
        **LOGGING,  # noqa: F405
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(process)d %(message)s",
                "rename_fields": {"asctime": "time", "levelname": "level"},
            }
        },
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": "json"}
        },
    }
