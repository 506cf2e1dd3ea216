"""Every setting the plugin reads, with its default: a host site needs to set none of them.

    IGREN_API            dict, merged over API_DEFAULTS (query limits of /graphql/)
    IGREN_FEEDS          dict, merged over FEED_DEFAULTS (feeds and the partner embed)
    IGREN_IMAGES         dict, merged over IMAGE_DEFAULTS (renditions the API may make)
    IGREN_GRAPHIQL       bool, default False: serve GraphiQL to browsers at the GraphQL URL
    IGREN_FRONTEND_URL   str, default "": headless mode, page URLs point at this frontend
    IGREN_PREVIEW_URL    str, default "{IGREN_FRONTEND_URL}/preview": the frontend's preview route
    IGREN_PREVIEW_MAX_AGE  int, default 3600: seconds a preview token stays valid
    IGREN_WEBHOOKS       list of {"url", "secret"}, default []: where publish notices are sent
    IGREN_JAPANESE_WAGTAIL_DEFAULTS  bool, default False: Japanese names for Wagtail's default
                         groups and workflow
    WAGTAIL_SITE_NAME    str (Wagtail's own): the association's name in feed titles;
                         default ASSOCIATION_NAME
    WAGTAILFRONTENDCACHE dict (Wagtail's own): when set, publishes purge the front cache
    TASKS                dict (Django's): the worker runs the backend named here
    IGREN_WORKER_STALE_SECONDS  number, default 60: when a silent worker's tasks run again
    IGREN_YEAR_END_BLACKOUT  (MM-DD, MM-DD), default ("12-29", "01-03"): the year-end break
                         of meeting rules (年末年始)
    IGREN_TRUSTED_PROXIES  list of networks ("127.0.0.1/32", "10.0.0.0/8"), default []: the
                         proxies whose X-Forwarded-For is believed (igren_cms/client_ip.py)
    WAGTAIL_I18N_ENABLED, WAGTAIL_CONTENT_LANGUAGES, LANGUAGE_CODE (Wagtail's and Django's
                         own): content in several languages (pages/locales.py)
    IGREN_LOCALE_FALLBACK  bool, default True: a list asked for in one language includes the
                         items not translated into it, in the default language
    CSRF_COOKIE_NAME, SECURE_SSL_REDIRECT (Django's own): read where the API drops the CSRF
                         cookie and where cached answers respect the HTTPS redirect

No other module of the plugin reads `django.conf.settings` (a test checks).

Settings are read at call time, so `override_settings` in tests and per-site settings work.
"""

import ipaddress
from functools import lru_cache
from pathlib import Path

from django.conf import settings

ASSOCIATION_NAME = "神奈川県異業種連携協議会"

API_DEFAULTS = {
    # Most items one list field returns per page.
    "MAX_PER_PAGE": 100,
    # Query document limits, checked before anything runs (igren_cms/api/limits.py).
    "MAX_QUERY_BYTES": 20_000,
    "MAX_TOKENS": 800,
    "MAX_DEPTH": 10,
    # Nesting depth of an introspection operation (`__schema`, `__type`): the standard query of
    # graphql-js and graphql-codegen nests `ofType` about 9 levels below the type list.
    "INTROSPECTION_MAX_DEPTH": 16,
    "MAX_ALIASES": 30,
    "MAX_DIRECTIVES": 20,
    "MAX_COST": 5000,
    # Estimated cost points a client (its address) may spend per minute on executed queries,
    # as GitHub's GraphQL API budgets them: 429 with Retry-After when spent. Answers from the
    # response cache cost nothing. None turns the budget off.
    "COST_BUDGET": 50_000,
    # Longest list a variable may hold (an enum list: no longer than its enum).
    "MAX_LIST_ITEMS": 100,
    # Largest HTTP body of a GraphQL request, in bytes (document, variables and extensions).
    "MAX_BODY_BYTES": 64_000,
    # Field selections as written (each fragment once), checked before spec validation, whose
    # overlapping-fields rule is quadratic in them.
    "MAX_SELECTIONS": 300,
    # Largest response body, in bytes; a bigger result is replaced by an error.
    "MAX_RESPONSE_BYTES": 2_000_000,
    # Execution deadline, in seconds: fields not resolved by then are errors.
    "MAX_SECONDS": 5.0,
    # Requests per client address to each public endpoint group (GraphQL, feeds, embed), in
    # django-ratelimit's notation ("600/m", "100/10s"); None turns rate limiting off.
    "RATE_LIMIT": "600/m",
    # Schema introspection (GraphiQL, graphql-codegen against the live endpoint).
    "INTROSPECTION": True,
    # "Did you mean …?" hints in validation errors (they reveal field names).
    "FIELD_SUGGESTIONS": False,
    # Cache-Control of GraphQL GET responses (public data only), in seconds. Responses are
    # also kept in the Django cache, keyed by the content version, so a publish invalidates
    # them on every instance at once.
    "CACHE_MAX_AGE": 60,
    "STALE_WHILE_REVALIDATE": 300,
    # Automatic persisted queries (Apollo's protocol): how long a registered document stays
    # in the cache, in seconds.
    "PERSISTED_QUERY_TTL": 7 * 24 * 3600,
    # Run only documents registered with `manage.py igren_trusted_documents` (by their
    # SHA-256): the strongest defence for a production frontend.
    "TRUSTED_DOCUMENTS_ONLY": False,
    # Client addresses (networks: "10.0.0.5", "10.0.0.0/24") whose queries spend no cost points:
    # the site's own server-rendered frontend, which asks for every visitor from one address.
    # They keep the request rate limit and every document limit.
    "BUDGET_EXEMPT": (),
    # Request headers any origin may send (CORS preflight): GraphQL over HTTP's, Apollo
    # Client's (client name and version, CSRF-prevention and operation name headers), W3C
    # trace context and Sentry's tracing headers. A host adds its own here.
    "CORS_ALLOW_HEADERS": (
        "Content-Type",
        "Accept",
        "apollographql-client-name",
        "apollographql-client-version",
        "apollo-require-preflight",
        "x-apollo-operation-name",
        "traceparent",
        "tracestate",
        "baggage",
        "sentry-trace",
    ),
}

FEED_DEFAULTS = {
    # Past events kept in the feeds, in days, so subscribers still see what just happened.
    "PAST_DAYS": 90,
    # A cancelled event stays (STATUS:CANCELLED) this many days after it was cancelled.
    "CANCELLED_GRACE_DAYS": 30,
    # Cache-Control max-age of feeds and embed pages, in seconds.
    "MAX_AGE": 300,
    # Origins allowed to frame the embed page (CSP frame-ancestors); "*" means any.
    "FRAME_ANCESTORS": ["*"],
    # Domain part of every iCalendar UID. Empty: the default Wagtail site's hostname.
    "UID_DOMAIN": "",
    # Most events in one feed response.
    "MAX_ITEMS": 500,
}

IMAGE_DEFAULTS = {
    # Rendition sizes a client may ask for, in pixels: every other size is refused, so a
    # client cannot fill the disk with one file per size. Widths serve `srcSet` and
    # `rendition(width:)`; a height crops to width x height around the focal point.
    "WIDTHS": (320, 640, 960, 1280, 1920),
    "HEIGHTS": (180, 240, 320, 360, 480, 540, 640, 720, 960, 1080),
    # Output formats a client may ask for (those this server's Pillow can write).
    "FORMATS": ("jpeg", "png", "webp", "avif"),
}


def api_setting(name: str):
    return getattr(settings, "IGREN_API", {}).get(name, API_DEFAULTS[name])


def feed_setting(name: str):
    return getattr(settings, "IGREN_FEEDS", {}).get(name, FEED_DEFAULTS[name])


def image_setting(name: str):
    return getattr(settings, "IGREN_IMAGES", {}).get(name, IMAGE_DEFAULTS[name])


def graphiql_enabled() -> bool:
    return bool(getattr(settings, "IGREN_GRAPHIQL", False))


def frontend_url() -> str:
    return (getattr(settings, "IGREN_FRONTEND_URL", "") or "").rstrip("/")


def preview_url() -> str:
    return getattr(settings, "IGREN_PREVIEW_URL", "") or f"{frontend_url()}/preview"


def preview_max_age() -> int:
    return int(getattr(settings, "IGREN_PREVIEW_MAX_AGE", 3600))


def webhooks() -> list[dict]:
    """The webhooks that have a URL."""
    return [h for h in getattr(settings, "IGREN_WEBHOOKS", []) or [] if h.get("url")]


def japanese_wagtail_defaults() -> bool:
    return bool(getattr(settings, "IGREN_JAPANESE_WAGTAIL_DEFAULTS", False))


def frontend_cache_configured() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def task_backend() -> str:
    return getattr(settings, "TASKS", {}).get("default", {}).get("BACKEND", "")


def csrf_cookie_name() -> str:
    return settings.CSRF_COOKIE_NAME


def i18n_enabled() -> bool:
    return bool(getattr(settings, "WAGTAIL_I18N_ENABLED", False))


def content_languages() -> list[str]:
    """The language codes content may be written in, the default first."""
    default = settings.LANGUAGE_CODE
    codes = [code for code, _name in getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", [])]
    return [default, *(code for code in codes if code != default)]


def languages() -> list[str]:
    """Every language code Django knows for this site (LANGUAGES)."""
    return [code for code, _name in settings.LANGUAGES]


def locale_fallback() -> bool:
    return bool(getattr(settings, "IGREN_LOCALE_FALLBACK", True))


def media_url() -> str:
    """Where uploaded files are served: the visibility gate's path (igren_cms.media)."""
    return settings.MEDIA_URL


def https_required() -> bool:
    return bool(getattr(settings, "SECURE_SSL_REDIRECT", False))


def debug() -> bool:
    return bool(settings.DEBUG)


# The settings that shape public outputs: a change of any changes every response cache key.
OUTPUT_SETTINGS = (
    "IGREN_API",
    "IGREN_FEEDS",
    "IGREN_IMAGES",
    "IGREN_FRONTEND_URL",
    "WAGTAIL_SITE_NAME",
)


def output_settings_fingerprint() -> str:
    return repr([getattr(settings, name, None) for name in OUTPUT_SETTINGS])


def association_name() -> str:
    return getattr(settings, "WAGTAIL_SITE_NAME", "") or ASSOCIATION_NAME


def admin_js_locale_path() -> str:
    """For a host's LOCALE_PATHS: Japanese for Wagtail's admin JavaScript strings that Wagtail's
    own catalogue leaves in English (Wagtail's JS catalogue reads only its own app and
    LOCALE_PATHS)."""
    return str(Path(__file__).resolve().parent / "jslocale")


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry)


def budget_exempt_networks() -> tuple:
    """IGREN_API["BUDGET_EXEMPT"] as networks (a list or a comma-separated string)."""
    value = api_setting("BUDGET_EXEMPT") or ()
    if isinstance(value, str):
        value = value.split(",")
    return _networks(tuple(str(entry).strip() for entry in value if str(entry).strip()))


def trusted_proxy_networks() -> tuple:
    """IGREN_TRUSTED_PROXIES as networks, read at request time (a list or a comma-separated
    string; a bare address is a network of one)."""
    value = getattr(settings, "IGREN_TRUSTED_PROXIES", ()) or ()
    if isinstance(value, str):
        value = value.split(",")
    return _networks(tuple(str(entry).strip() for entry in value))


# Caches each process keeps to itself: never the one every process must share.
LOCAL_CACHE_BACKENDS = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


def default_cache_backend() -> str:
    return settings.CACHES.get("default", {}).get("BACKEND", "")


def worker_stale_seconds() -> float:
    """IGREN_WORKER_STALE_SECONDS, default 60: a worker not seen this long is taken for dead,
    and the tasks it was running are queued again."""
    return float(getattr(settings, "IGREN_WORKER_STALE_SECONDS", 60))


def year_end_blackout() -> tuple[tuple[int, int], tuple[int, int]]:
    """IGREN_YEAR_END_BLACKOUT, default ("12-29", "01-03"): the year-end break (年末年始), first
    and last day inclusive as MM-DD, when meeting rules that skip it do not meet."""
    first, last = getattr(settings, "IGREN_YEAR_END_BLACKOUT", ("12-29", "01-03"))
    return tuple(int(part) for part in first.split("-")), tuple(
        int(part) for part in last.split("-")
    )


def default_region() -> str:
    """IGREN_DEFAULT_REGION, default 神奈川県: the prefecture of a venue whose address does not
    name one (schema.org addressRegion)."""
    return getattr(settings, "IGREN_DEFAULT_REGION", "神奈川県")
