"""Settings shared by every environment; deployment-specific values come from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
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
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # grapple and graphene_django after wagtail.snippets, or the schema build fails (KeyError).
    "grapple",
    "graphene_django",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "igren_cms.urls"
WSGI_APPLICATION = "igren_cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Japanese first. Editors may switch the admin to English in their account preferences.
LANGUAGE_CODE = "ja"
LANGUAGES = [("ja", _("Japanese")), ("en", _("English"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Tokyo"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = os.environ.get("STATIC_ROOT", str(BASE_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media"))

WAGTAIL_SITE_NAME = "神奈川県異業種連携協議会"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_I18N_ENABLED = False

# Headless mode: when set, page URLs (in the API and feeds) point at this external frontend.
IGREN_FRONTEND_URL = os.environ.get("IGREN_FRONTEND_URL", "").rstrip("/")
# GraphiQL, the in-browser query editor: dev settings only.
IGREN_GRAPHIQL = False

GRAPHENE = {"SCHEMA": "igren_cms.api.schema.schema"}
# wagtail-grapple is installed but builds no types: the public schema is hand-written in
# igren_cms/api (grapple's generated fields leak drafts; see docs/api.md).
# The API offers no on-demand renditions; should grapple ever serve images, only these filters.
GRAPPLE = {"APPS": [], "ALLOWED_IMAGE_FILTERS": ["width-400", "width-800", "fill-400x300"]}
IGREN_API = {
    "MAX_PER_PAGE": 100,
    "MAX_DEPTH": 10,
    "MAX_ALIASES": 30,
    "MAX_TOKENS": 2000,
    "MAX_QUERY_BYTES": 20_000,
    "MAX_COST": 5000,
    "MAX_DIRECTIVES": 20,
    "INTROSPECTION": True,
    "FIELD_SUGGESTIONS": False,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
