"""Settings shared by every environment; deployment-specific values come from the environment."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from igren_cms.conf import admin_js_locale_path

BASE_DIR = Path(os.environ.get("IGREN_BASE_DIR", Path.cwd()))

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]

INSTALLED_APPS = [
    "igren_cms",
    "pages",
    "snippets",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.settings",
    # Translations of pages and snippets (docs/decisions.md): wagtail-localize's editor, its
    # locale admin (in place of wagtail.locales) and source sync.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "graphene_django",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "csp",
]

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out client before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

MIDDLEWARE = [
    # First: repeats of cached public responses are answered before anything else runs.
    "igren_cms.http_cache.middleware.ResponseCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Before LocaleMiddleware: public API and feed responses keep exactly their own Vary.
    "igren_cms.http_cache.vary.ExactVary",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "igren_site.security.PagePasswordLockout",
    "igren_cms.outage.DatabaseOutageMiddleware",
    # Last, as django-axes asks: turns its lockout signal into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "igren_site.urls"
WSGI_APPLICATION = "igren_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).resolve().parent.parent / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite file by default; DATABASE_URL (postgres://...) selects PostgreSQL through psycopg 3.
DEFAULT_SQLITE_URL = f"sqlite:///{BASE_DIR / 'igren.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or DEFAULT_SQLITE_URL,
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Wagtail's database search backend uses PostgreSQL's search vectors there; from Django 6.0
# that requires django.contrib.postgres among the apps (postgres.E005).
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    INSTALLED_APPS.append("django.contrib.postgres")

# The cache holds the content version, cached responses, rate-limit counters and persisted
# queries, which every process must share: Redis when REDIS_URL is set, else Django's database
# cache (its table is made by `migrate`, igren_cms/shared_cache.py). Never local memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        # Redis down: every cache read misses and every write is dropped, so the site answers
        # uncached (and the rate limiter lets requests through) instead of failing; one warning
        # per process and five minutes (igren_site/log_filters.OncePerOutage).
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 2, "IGNORE_EXCEPTIONS": True},
    }
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "igren_cache"}
}

DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "igren_cms.outage.redis"

# Media (images, documents, renditions) in S3-compatible object storage when a bucket is
# configured (django-storages), so every app instance reads and writes the same files; local
# files under MEDIA_ROOT otherwise. Static files stay local (collected into the image). Either
# way the files are served only through the visibility gate at MEDIA_URL (igren_cms.media): the
# bucket stays private (igren_cms.storage).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES = {
        "default": {
            "BACKEND": "igren_cms.storage.GatedS3Storage",
            "OPTIONS": {
                "bucket_name": AWS_STORAGE_BUCKET_NAME,
                "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
                "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
                # Keys from the environment; None lets boto3 find them (instance roles).
                "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
                "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
                "file_overwrite": False,
            },
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }

# Background tasks (Wagtail's reference index and file deletions, CDN purges, ours), run by
# `manage.py igren_worker`: queued in the database by default, in Redis (RQ) when REDIS_URL is
# set. See docs/operations.md.
INSTALLED_APPS += ["django_tasks", "django_tasks_db", "django_rq", "django_tasks_rq"]
RQ_QUEUES = {"default": {"URL": REDIS_URL or "redis://127.0.0.1:6379/0", "DEFAULT_TIMEOUT": 300}}
if REDIS_URL:
    # Redis's queue; while Redis is unreachable a task runs at once in the process that queued
    # it (igren_cms/task_backends.py), so a publish never fails for want of a queue.
    TASKS = {
        "default": {"BACKEND": "igren_cms.task_backends.RQWithFallback", "QUEUES": ["default"]}
    }
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# A worker silent this long is taken for dead and the tasks it was running run again
# (igren_cms/task_recovery.py).
IGREN_WORKER_STALE_SECONDS = float(os.environ.get("IGREN_WORKER_STALE_SECONDS", "60"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Japanese first. Editors may switch the admin to English in their account preferences.
LANGUAGE_CODE = "ja"
# The languages of content (and of the /en/-style prefixes): Japanese and English, and any of
# IGREN_CONTENT_LANGUAGES ("ja,en,ko" adds Korean). The admin speaks Japanese and English.
KNOWN_LANGUAGES = [("ja", _("Japanese")), ("en", _("English")), ("ko", _("Korean"))]
LANGUAGES = [
    (code, name)
    for code, name in KNOWN_LANGUAGES
    if code in os.environ.get("IGREN_CONTENT_LANGUAGES", "ja,en").split(",")
]
WAGTAILADMIN_PERMITTED_LANGUAGES = KNOWN_LANGUAGES[:2]
# Japanese for the admin's JavaScript strings that Wagtail's catalogue leaves in English (the
# server-side ones come with the igren_cms app's catalogue).
LOCALE_PATHS = [admin_js_locale_path()]
# Wagtail's default groups and workflow get Japanese names (pages/roles.py).
IGREN_JAPANESE_WAGTAIL_DEFAULTS = True
WAGTAILADMIN_USER_LOGIN_FORM = "igren_cms.admin_forms.LoginForm"
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(BASE_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media"))
# Documents only through Wagtail's view, which checks the collection's restriction and sends
# them as attachments with `default-src 'none'`; the files themselves are never served
# (igren_cms/media.py refuses documents/, and the proxy sends /media/ to the app).
WAGTAILDOCS_SERVE_METHOD = "serve_view"

WAGTAIL_SITE_NAME = "神奈川県異業種連携協議会"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Japanese substring search in every admin listing (igren_cms/search_backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "igren_cms.search_backend"}}
# Content in Japanese (the default) and English: each locale a tree of its own, English pages
# under /en/. A third language is a settings change (IGREN_CONTENT_LANGUAGES above); its
# locale is made by migrate (igren_cms.apps) or in the admin (設定 → ロケール).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES

# The edge cache in front of the app (Varnish in compose's "edge" profile, or a CDN speaking
# PURGE): publishes purge the changed pages and the plugin's outputs (Wagtail's frontend_cache).
IGREN_EDGE_PURGE_URL = os.environ.get("IGREN_EDGE_PURGE_URL", "")
# The server-rendered frontend's address (examples/frontend), spared the per-client cost
# budget: "10.0.0.5" or "10.0.0.0/24,127.0.0.1".
IGREN_API = {"BUDGET_EXEMPT": os.environ.get("IGREN_BUDGET_EXEMPT", "")}
if IGREN_EDGE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "edge": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": IGREN_EDGE_PURGE_URL,
        }
    }

# Headless mode: when set, page URLs (in the API and feeds) point at this external frontend.
IGREN_FRONTEND_URL = os.environ.get("IGREN_FRONTEND_URL", "").rstrip("/")

# Every IGREN_* setting is optional (defaults in igren_cms/conf.py); the site keeps the
# defaults except where a deployment sets them.

# Content-Security-Policy of the served pages (django-csp). The plugin's embed page sets its own,
# stricter policy; the Wagtail admin keeps Wagtail's defaults (it needs inline scripts).
CONTENT_SECURITY_POLICY = {
    # GraphiQL (dev settings) loads its scripts from a CDN; the API itself returns JSON only.
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/", "/graphql/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "script-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        # The admin's preview panel frames pages and snippets' previews (Wagtail runs them
        # through this middleware as requests for the page's own URL): same origin only.
        "frame-ancestors": ["'self'"],
    },
}
# Permissions-Policy (django-permissions-policy): the site uses no powerful browser features.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "browsing-topics": [],
}

# Password guessing (admin logins and page passwords), django-axes: after AXES_FAILURE_LIMIT
# failures from one client address (per restriction for page passwords), that client's logins
# are refused for the cool-off time, even with the right password (igren_site/security.py).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = "igren_site.security.lockout_parameters"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "igren_site.security.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# The client's address behind the proxy: IGREN_TRUSTED_PROXIES, the networks whose
# X-Forwarded-For is believed (comma-separated). The standalone site's proxy and edge cache
# run beside the app on the loopback addresses; compose sets its own network.
IGREN_TRUSTED_PROXIES = os.environ.get("IGREN_TRUSTED_PROXIES", "127.0.0.1/32,::1/128")
AXES_CLIENT_IP_CALLABLE = "igren_cms.client_ip.client_address"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "client_mistake": {"()": "igren_site.log_filters.ClientMistake"},
        "outage_once": {"()": "igren_site.log_filters.OncePerOutage"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # An unknown Host header: one line, no traceback (it still answers 400).
    # Redis unreachable: one warning per process and five minutes (the site goes on without it).
    "loggers": {
        "django.security.DisallowedHost": {"filters": ["client_mistake"]},
        "igren_cms.outage.redis": {"filters": ["outage_once"]},
        "igren_cms.ratelimit": {"filters": ["outage_once"]},
    },
}
