"""Settings shared by every environment.

Each environment variable is read once, here or in the environment's own module,
and listed in `.env.example`. Nothing secret lives in this file.
"""

import os
from email.utils import parseaddr
from ipaddress import ip_network
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item]


DEBUG = False
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Absolute base URL of the public site, used in feeds, emails and the admin.
SITE_BASE_URL = os.environ.get("CHM_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
# The site's name: page titles, the admin, emails, authenticator apps.
CHM_SITE_NAME = "CHM Commons"
# National CHM websites: each country's space is also served at
# <iso>.<CHM_NATIONAL_DOMAIN> (bj.localhost:8000 under `make run`, which
# browsers resolve to loopback with no DNS set-up).
CHM_NATIONAL_DOMAIN = (
    os.environ.get("CHM_NATIONAL_DOMAIN", "localhost").strip(".").lower()
)
# The brand's green (static/favicon.svg, --accent in site.css): browsers
# colour their toolbar with it, and the web app manifest names it.
CHM_THEME_COLOR = "#1f6b4a"

# Every national address is a host of ours; domains claimed by countries are
# checked by national.middleware against the approved claims instead.
NATIONAL_HOSTS = f".{CHM_NATIONAL_DOMAIN}"
if NATIONAL_HOSTS not in ALLOWED_HOSTS:
    ALLOWED_HOSTS.append(NATIONAL_HOSTS)

# Proxies we run in front of the site (core/client_address.py): IP addresses,
# networks, or `unix` for nginx on daphne's Unix socket. Only their
# X-Forwarded-For is read, from the right; empty trusts none.
CHM_TRUSTED_PROXIES = env_list("CHM_TRUSTED_PROXIES")
for _proxy in CHM_TRUSTED_PROXIES:
    if _proxy.lower() != "unix":
        try:
            ip_network(_proxy, strict=False)
        except ValueError as error:
            raise ImproperlyConfigured(f"CHM_TRUSTED_PROXIES: {error}") from None

INSTALLED_APPS = [
    # daphne first: `runserver` then serves ASGI, websockets included.
    "daphne",
    "core",
    "home",
    "community",
    "blog",
    "forum",
    "toolkits",
    "cooperation",
    "targets",
    "notifications",
    "messaging",
    "events",
    "national",
    "tagging",
    "search",
    "translations",
    "interop",
    "network",
    "wagtail.api.v2",
    "corsheaders",
    "django_htmx",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "channels",
    "django_tasks",
    "django_tasks_db",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "csp",
    "django.contrib.admin",
    # Django's widget templates, for FORM_RENDERER below.
    "django.forms",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "wagtail.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The span within which answers are kept per content version (core/versioned.py).
    "core.versioned.ContentVersionMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    # Which site the Host names: the network's, or a country's national site
    # (national/middleware.py); a host that is neither gets 400 or 404.
    "national.middleware.NationalHostMiddleware",
    # Compresses anonymous pages without a CSRF token (BREACH: core/compression.py).
    "core.compression.AnonymousGZipMiddleware",
    # The read API: CORS for GETs, then rate limits and ETags, before sessions.
    "corsheaders.middleware.CorsMiddleware",
    "interop.middleware.ReadAPIMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # A national host serves its country's pages: the rest goes to the network.
    "national.middleware.NationalRoutesMiddleware",
    "core.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-csp's middleware, with a policy of its own for the Wagtail admin.
    "core.csp.PathCSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # request.htmx: views answer htmx's in-page requests with a fragment.
    "django_htmx.middleware.HtmxMiddleware",
    "core.throttling.PostRateLimitMiddleware",
    "community.staff_mfa.StaffMFAMiddleware",
    "translations.middleware.PreferredLanguageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: members' pages, personal parts filled in, shared pages stored and
    # served per audience (core/member_pages.py).
    "core.member_pages.MemberPageMiddleware",
]

ROOT_URLCONF = "chm.urls"
WSGI_APPLICATION = "chm.wsgi.application"
ASGI_APPLICATION = "chm.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "home.context_processors.site_chrome",
                "national.context_processors.national_chrome",
            ],
        },
    },
]

# Every form renders through templates/forms/ (GOV.UK Frontend's behaviour:
# labels above fields, error summary linked to fields): core/forms.py.
FORM_RENDERER = "core.forms.FormRenderer"

# Database: SQLite on the embedded default, PostgreSQL via DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
# On SQLite, writers queue instead of failing with "database is locked": a
# write transaction takes the lock when it begins (IMMEDIATE) and waits up to
# 20 s for it; WAL lets readers go on while one writer works.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # psycopg prepares a statement once a connection has run it this many
    # times, for the plain statements of core/statements.py only (the ORM's
    # bind their parameters on the client and are never prepared). Behind a
    # pooler in transaction mode without prepared statement support, 0.
    DATABASES["default"].setdefault("OPTIONS", {})["prepare_threshold"] = (
        int(os.environ.get("DATABASE_PREPARE_THRESHOLD", "5")) or None
    )


def use_connection_pool(database: dict, max_size: int) -> None:
    """A PostgreSQL connection pool per process (psycopg_pool).

    Under ASGI every request may run on another thread, so persistent
    per-thread connections (CONN_MAX_AGE) pile up until PostgreSQL refuses
    more; a pool bounds them and still saves the connect on each request.
    """
    if max_size and database["ENGINE"] == "django.db.backends.postgresql":
        # Django checks each pooled connection before handing it out (only
        # with CONN_HEALTH_CHECKS on), so one broken by a database restart
        # is replaced instead of failing a request.
        database["CONN_MAX_AGE"] = 0
        database["CONN_HEALTH_CHECKS"] = True
        database.setdefault("OPTIONS", {})["pool"] = {
            "min_size": 1,
            "max_size": max_size,
            "timeout": 10,
        }


use_connection_pool(
    DATABASES["default"], int(os.environ.get("DATABASE_POOL_MAX_SIZE", "0"))
)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis (optional): channel layer and cache when REDIS_URL is set.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Reads as a miss and skips writes while Redis is down (core/cache.py).
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CHM_CACHE_PREFIX", "chm"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
    }
    CHANNEL_LAYERS = {
        "default": {
            # Redis pub/sub: one subscription per process rather than a blocking
            # pop per channel, so a process holds thousands of websockets.
            "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
            "CONFIG": {
                # redis-py's asyncio pool allows 100 connections by default;
                # a server holding a thousand websockets needs more at once.
                "hosts": [
                    {
                        "address": REDIS_URL,
                        "max_connections": int(
                            os.environ.get("CHM_REDIS_MAX_CONNECTIONS", "1000")
                        ),
                    }
                ],
                "prefix": os.environ.get("CHM_CACHE_PREFIX", "chm") + ":asgi",
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# Background work: the django-tasks API. Immediate unless a worker backend is named.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "CHM_TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

AUTH_USER_MODEL = "community.User"
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation."
        "UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# Accounts (django-allauth): email log-in, mandatory verification.
ACCOUNT_ADAPTER = "community.account_adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{CHM_SITE_NAME}] "
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
# Signing up with an address already in use is a plain form error: newcomers
# need to know they already have an account. Rate limits bound enumeration.
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_USERNAME_MIN_LENGTH = 3
# Look-alike usernames ("аdmin" in Cyrillic) are refused: community/validators.py.
ACCOUNT_USERNAME_VALIDATORS = "community.validators.USERNAME_VALIDATORS"
# An address added but never verified does not block anyone's sign-up; the
# first account to verify it keeps it (community/email_ownership.py). All of
# them: sentence-case labels and no placeholders on allauth's forms.
ACCOUNT_FORMS = {
    "signup": "community.forms.SignupForm",
    "add_email": "community.forms.AddEmailForm",
    "login": "community.forms.LoginForm",
    "change_password": "community.forms.ChangePasswordForm",
    "set_password": "community.forms.SetPasswordForm",
    "reset_password_from_key": "community.forms.ResetPasswordKeyForm",
}
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
}
# Two-factor sign-in (allauth.mfa): an authenticator app (TOTP) with
# recovery codes, open to every member, required for staff
# (community/staff_mfa.py).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = CHM_SITE_NAME
# Wagtail's own sign-in forms would skip the second step: allauth's instead.
WAGTAILADMIN_LOGIN_URL = "account_login"
# Passwords are reset through allauth's form only, which is rate-limited
# (CHM_POST_RATE_LIMITS, ACCOUNT_RATE_LIMITS); Wagtail's own reset form at
# /admin/password_reset/ is not, and would mail a reset link on every request.
WAGTAIL_PASSWORD_RESET_ENABLED = False
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGIN_URL = "account_login"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "CHM Commons <noreply@localhost>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Internationalisation: the six UN languages, English as the source.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("zh-hans", _("Chinese (simplified)")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Static and media files.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_ROOT = Path(os.environ.get("CHM_MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Files only a view that checks permission may hand out (toolkit files, whose
# toolkit may still await review): outside MEDIA_ROOT, so that no `/media/`
# location serves them.
CHM_PRIVATE_MEDIA_ROOT = Path(
    os.environ.get("CHM_PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media")
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "core.private_storage.PrivateFileStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


def s3_settings_from_env(prefix: str, fallback: dict | None = None) -> dict | None:
    """An S3-compatible bucket named by `<prefix>BUCKET` and its neighbours
    (ENDPOINT_URL, REGION, ACCESS_KEY_ID, SECRET_ACCESS_KEY, CUSTOM_DOMAIN);
    None without a bucket. Unset values come from `fallback`; unset keys
    from boto3's usual places (AWS_ACCESS_KEY_ID, instance roles)."""
    bucket = os.environ.get(f"{prefix}BUCKET", "")
    if not bucket:
        return None
    fallback = fallback or {}
    names = {
        "endpoint_url": "ENDPOINT_URL",
        "region_name": "REGION",
        "access_key": "ACCESS_KEY_ID",
        "secret_key": "SECRET_ACCESS_KEY",
    }
    config = {"bucket_name": bucket}
    for option, name in names.items():
        config[option] = os.environ.get(f"{prefix}{name}") or fallback.get(option)
    return config


def s3_media_storages(config: dict, custom_domain: str = "") -> dict:
    """STORAGES entries that put every upload in one private bucket: public
    media (Wagtail images, renditions, documents) under `media/`, private
    files (toolkit files) under `private/` (core/object_storage.py)."""
    options = {k: v for k, v in config.items() if v}
    return {
        "default": {
            "BACKEND": "core.object_storage.MediaStorage",
            "OPTIONS": {**options, "custom_domain": custom_domain or None},
        },
        "private": {
            "BACKEND": "core.object_storage.PrivateMediaStorage",
            "OPTIONS": options,
        },
    }


# Uploads on an S3-compatible object store (docs/deployment.md, "More than one
# web host"): set CHM_MEDIA_S3_BUCKET. The local disk stays the default.
CHM_MEDIA_S3 = s3_settings_from_env("CHM_MEDIA_S3_")
if CHM_MEDIA_S3:
    STORAGES.update(
        s3_media_storages(
            CHM_MEDIA_S3, os.environ.get("CHM_MEDIA_S3_CUSTOM_DOMAIN", "")
        )
    )
# Backups written to a bucket too (CHM_BACKUP_S3_BUCKET; the other values
# default to the media bucket's), under CHM_BACKUP_S3_PREFIX.
CHM_BACKUP_S3 = s3_settings_from_env("CHM_BACKUP_S3_", CHM_MEDIA_S3)
CHM_BACKUP_S3_PREFIX = os.environ.get("CHM_BACKUP_S3_PREFIX", "backups/")
# Documents always go through Wagtail's serve view, which checks collection
# privacy, never straight to a file address.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# The admin's upload forms also check that the file store answers before
# saving (core/media_forms.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.media_forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.media_forms.DocumentForm"
# Only these folders of MEDIA_ROOT are public (Wagtail images and their
# renditions); `make run` serves nothing else under /media/.
CHM_PUBLIC_MEDIA_FOLDERS = ["images", "original_images"]
# Whether the application itself serves those folders from the local disk:
# `make run` does; production leaves /media/ to the web server in front
# (docs/deployment.md). With the uploads in a bucket the application always
# serves them (core/media_files.py).
CHM_SERVE_PUBLIC_MEDIA = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Security headers on every response.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# The Wagtail admin previews pages in a same-origin frame.
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
# Django's database sessions, read with one plain statement (core/sessions.py).
SESSION_ENGINE = "core.sessions"
CSRF_COOKIE_HTTPONLY = False

# Content-Security-Policy: no inline script on the public site (script files or
# nonces). The Wagtail admin (/admin/) has a policy of its own, core.csp.ADMIN_POLICY,
# set by core.csp.PathCSPMiddleware.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "https:"],
        "font-src": [SELF],
        "connect-src": [SELF, "ws:", "wss:"],
        "frame-src": [SELF, "https:"],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# The read API (interop): any site may read it from a browser, GETs only, no
# credentials; each client is held to INTEROP_RATE_LIMIT requests per window.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]
INTEROP_RATE_LIMIT = os.environ.get("CHM_API_RATE_LIMIT", "120/m")
WAGTAILAPI_LIMIT_MAX = 100

# Abuse limits on the shared cache (core/throttling.py): per signed-in member,
# or per address for anonymous visitors; past them the answer is 429.
CHM_SEARCH_RATE_LIMIT = os.environ.get("CHM_SEARCH_RATE_LIMIT", "60/m")
# Suggestions come as the visitor types: a looser limit of their own.
CHM_SUGGEST_RATE_LIMIT = os.environ.get("CHM_SUGGEST_RATE_LIMIT", "120/m")
CHM_PROPOSAL_RATE_LIMIT = os.environ.get("CHM_PROPOSAL_RATE_LIMIT", "10/h")
# Forum post edits per member (moderators excepted): every edit is cooked again.
CHM_EDIT_RATE_LIMIT = os.environ.get("CHM_EDIT_RATE_LIMIT", "10/m")
# Markdown previews in the forum composer, per member (cooking costs a little).
CHM_PREVIEW_RATE_LIMIT = os.environ.get("CHM_PREVIEW_RATE_LIMIT", "30/m")
# POSTs per address to the account forms (core.throttling.PostRateLimitMiddleware),
# in front of allauth's own ACCOUNT_RATE_LIMITS.
CHM_POST_RATE_LIMITS = {
    "/accounts/signup/": "20/m",
    "/accounts/login/": "30/m",
    "/accounts/password/reset/": "20/m",
}
WAGTAILAPI_BASE_URL = SITE_BASE_URL

# Wagtail.
WAGTAIL_SITE_NAME = CHM_SITE_NAME
WAGTAILADMIN_BASE_URL = SITE_BASE_URL


def search_backends(
    environ=os.environ, database_engine: str = "django.db.backends.sqlite3"
) -> dict:
    """Wagtail's database search (SQLite FTS5; on PostgreSQL its full-text
    search with this site's candidate step, `search.backends.postgres`)
    unless `CHM_SEARCH_URL` names an Elasticsearch or OpenSearch server: then
    that engine, chosen by `CHM_SEARCH_BACKEND` (docs/search.md)."""
    url = environ.get("CHM_SEARCH_URL", "").strip()
    if not url:
        if database_engine == "django.db.backends.postgresql":
            return {"default": {"BACKEND": "search.backends.postgres"}}
        return {"default": {"BACKEND": "wagtail.search.backends.database"}}
    return {
        "default": {
            "BACKEND": environ.get(
                "CHM_SEARCH_BACKEND", "wagtail.search.backends.elasticsearch9"
            ),
            "URLS": [item.strip() for item in url.split(",") if item.strip()],
            "INDEX_PREFIX": environ.get("CHM_SEARCH_INDEX_PREFIX", "chm_"),
            "TIMEOUT": int(environ.get("CHM_SEARCH_TIMEOUT", "5")),
        }
    }


WAGTAILSEARCH_BACKENDS = search_backends(os.environ, DATABASES["default"]["ENGINE"])
WAGTAILDOCS_EXTENSIONS = [
    "csv", "docx", "epub", "odp", "ods", "odt", "pdf", "pptx", "rtf", "txt", "xlsx",
    "zip",
]  # fmt: skip
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: the admin would otherwise ask gravatar.com for every user's
# avatar, telling a third party who works in the admin and when. Users get
# Wagtail's default avatar, or the one they upload.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
TAGGIT_CASE_INSENSITIVE = True

# Largest file a toolkit resource may have (enforced by the app, whatever the
# proxy allows).
TOOLKIT_MAX_UPLOAD_BYTES = int(
    os.environ.get("CHM_TOOLKIT_MAX_UPLOAD_BYTES", str(25 * 1024 * 1024))
)
# Any request body above this is refused with 413 before it is read: the
# largest toolkit upload plus room for the form around it.
CHM_MAX_REQUEST_BYTES = TOOLKIT_MAX_UPLOAD_BYTES + 1_048_576

# Email in (notifications/inbound): replies to notification emails and topics
# started by email. Notification emails carry Reply-To
# reply+<token>@<CHM_INBOUND_DOMAIN>; empty turns email-in off (no Reply-To,
# the server refuses everything). `make run` uses localhost.
CHM_INBOUND_DOMAIN = os.environ.get("CHM_INBOUND_DOMAIN", "").strip(".").lower()
# Largest message accepted, in bytes: refused with 552 while it is still
# arriving, before anything parses it.
CHM_INBOUND_MAX_BYTES = int(
    os.environ.get("CHM_INBOUND_MAX_BYTES", str(10 * 1024 * 1024))
)
# How long a reply address works, in seconds (default 90 days).
CHM_REPLY_TOKEN_MAX_AGE = int(
    os.environ.get("CHM_REPLY_TOKEN_MAX_AGE", str(90 * 24 * 3600))
)
# Where `manage.py inbound_mail` listens by default (`make run` starts it there).
CHM_INBOUND_HOST = os.environ.get("CHM_INBOUND_HOST", "127.0.0.1")
CHM_INBOUND_PORT = int(os.environ.get("CHM_INBOUND_PORT", "8025"))
# The authserv-id our MTA writes in Authentication-Results (RFC 8601): only
# those headers are believed. Empty believes any (an MTA that strips the
# sender's own, as Postfix with OpenDMARC does).
CHM_INBOUND_AUTHSERV_ID = os.environ.get("CHM_INBOUND_AUTHSERV_ID", "").strip()

# Anonymous visitors' pages are kept this long in the shared cache; any
# content write drops them at once (core/page_cache.py). 0 turns it off.
CHM_PAGE_CACHE_SECONDS = int(os.environ.get("CHM_PAGE_CACHE_SECONDS", "300"))
# Members' pages that their views share are kept this long per audience, and
# filled in per member on every request; the same content version drops them
# (core/member_pages.py). 0 turns it off (the personal parts are still filled).
CHM_MEMBER_PAGE_CACHE_SECONDS = int(
    os.environ.get("CHM_MEMBER_PAGE_CACHE_SECONDS", "300")
)
# Answers each process keeps per content version (a member's groups, whether
# they have a post held for review: core/versioned.py), for at most this long;
# the next content write drops them. 0 turns it off.
CHM_KEPT_ANSWER_SECONDS = float(os.environ.get("CHM_KEPT_ANSWER_SECONDS", "60"))
# RSS/Atom feeds likewise, for every reader; the same content version drops
# them at once (core/syndication.py). 0 turns it off.
CHM_FEED_CACHE_SECONDS = int(os.environ.get("CHM_FEED_CACHE_SECONDS", "300"))

# Demo data may be loaded only where this is on (never in production).
CHM_ALLOW_DEMO_DATA = False
# Feed URLs whose host is not globally routable (loopback, private, link-local,
# carrier-grade NAT, ...) are refused, on save and at every fetch, unless this
# is on (core/outbound.py). Only dev and tests turn it on: their demo feeds are
# served by the site itself on loopback.
CHM_ALLOW_PRIVATE_FEEDS = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's own default configuration gives "django" a console handler
        # of its own (with DEBUG on) and lets it propagate to the root's: every
        # request line printed twice. Naming the logger here drops that handler.
        "django": {"handlers": [], "propagate": True},
        # Routine task and page events are noise at INFO.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}

# Web Push (notifications/push.py): the VAPID key pair that signs each push
# (`manage.py generate_vapid_keys` prints one) and the contact address the push
# services see (a mailto: or https: URL; default CHM_BASE_URL when it is https,
# else DEFAULT_FROM_EMAIL's address). Without both
# keys "Notify me on this device" is not offered.
CHM_VAPID_PUBLIC_KEY = os.environ.get("CHM_VAPID_PUBLIC_KEY", "").strip()
CHM_VAPID_PRIVATE_KEY = os.environ.get("CHM_VAPID_PRIVATE_KEY", "").strip()
CHM_VAPID_SUBJECT = os.environ.get(
    "CHM_VAPID_SUBJECT",
    SITE_BASE_URL
    if SITE_BASE_URL.startswith("https://")
    else "mailto:" + (parseaddr(DEFAULT_FROM_EMAIL)[1] or "noreply@localhost"),
).strip()
# Push endpoints on loopback or private networks (tests and `make run` only).
CHM_PUSH_ALLOW_PRIVATE = False
# A member hears at most one push per this many seconds; what arrives in
# between is summed up in the next one ("3 new notifications").
CHM_PUSH_BATCH_SECONDS = int(os.environ.get("CHM_PUSH_BATCH_SECONDS", "60"))
# Pages and files one device may keep for offline reading, in megabytes.
CHM_OFFLINE_BUDGET_MB = int(os.environ.get("CHM_OFFLINE_BUDGET_MB", "50"))
