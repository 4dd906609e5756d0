"""Local development (`make run`): the embedded defaults (SQLite, in-memory
channel layer, local-memory cache, immediate tasks, console email), served
as its users will see it.

DEBUG is off unless DEBUG=1: the site's own 404 and 500 pages rather than
Django's debug page (which lists every URL pattern). Only loopback names are
served: a forged Host would otherwise end up in password-reset links, and
the notifications websocket checks Origin against the same list.
"""

import os

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get(  # noqa: S105 - a development-only fallback
    "DJANGO_SECRET_KEY", "dev-only-insecure-key-never-used-in-production"
)
# `.localhost` is localhost and every name under it: the national sites'
# addresses (bj.localhost:8000), which resolve to loopback by themselves.
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,[::1],localhost,.localhost")
CHM_ALLOW_DEMO_DATA = True
# Wagtail's images under /media/, with DEBUG on or off (chm/urls.py).
CHM_SERVE_PUBLIC_MEDIA = True
# Demo feeds are served by the site itself, on loopback.
CHM_ALLOW_PRIVATE_FEEDS = True
CHM_PUSH_ALLOW_PRIVATE = True

# Static files from the apps and static/ through whitenoise, as production
# serves them (there from collectstatic's output): `runserver` serves them
# itself only with DEBUG on, and whitenoise works the same with DEBUG off,
# under any server (runserver, daphne, uvicorn), with no "--insecure" flag.
MIDDLEWARE = [
    *MIDDLEWARE[:1],  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[1:],  # noqa: F405
]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Email in answers at reply+<token>@localhost (notifications/inbound).
CHM_INBOUND_DOMAIN = CHM_INBOUND_DOMAIN or "localhost"  # noqa: F405
