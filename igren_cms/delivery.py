"""What a cached public response may be keyed by: the content version.

Every public output is a function of the published content, the request and the time. The
content version is a token in the shared Django cache (Redis in production, so every app
instance sees the same one) that changes when anything that can change a public output changes:

- a page is published, unpublished, moved or deleted (Wagtail's signals, which scheduled
  publishing sends too); a snippet, image, document, collection, site, redirect or view
  restriction is saved or deleted (Django's signals);
- a time passes that changes an output by itself: the next go-live or expiry of a live page,
  the next end of an event (upcoming lists drop it). The token records that moment and is
  renewed once it has passed;
- the Tokyo date, part of every key, rolls 今月と来月 over at midnight Tokyo time.

So a response cached under the version is never served after the content or the time made it
wrong, on any instance, and a conditional request (If-None-Match) is answered 304 from the
version alone, without running the query or rendering the body.
"""

import hashlib
import re
import uuid
from datetime import datetime

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from pages.events.windows import TOKYO

STATE_KEY = "igren:content-version"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


def next_boundary(now: datetime) -> float | None:
    """The next moment (epoch seconds) at which time alone changes a public output.

    The soonest go-live, expiry and event end after `now`: three index walks (the event end
    index and igren_pages' partial indexes on go-live and expiry) read in one statement, so the
    cost does not grow with the archive of past events.
    """
    from django.db.models import Subquery
    from wagtail.models import Page

    from pages.models import EventPage

    live = Page.objects.filter(live=True)
    soonest = {
        "go_live": live.filter(go_live_at__gt=now).order_by("go_live_at").values("go_live_at"),
        "expire": live.filter(expire_at__gt=now).order_by("expire_at").values("expire_at"),
        "end": EventPage.objects.filter(live=True, end__gt=now).order_by("end").values("end"),
    }
    found = (
        Page.objects.filter(depth=1)  # Wagtail's tree root: always there, one row
        .annotate(**{name: Subquery(query[:1]) for name, query in soonest.items()})
        .values(*soonest)
        .first()
    )
    moments = [m for m in (found or {}).values() if m is not None]
    return min(moments).timestamp() if moments else None


def content_version(now: datetime | None = None) -> str:
    """The current token and Tokyo date, e.g. "3f2a…:2026-11-25"."""
    now = now or timezone.now()
    return _version_of(cache.get(STATE_KEY), now)


def _version_of(state: dict | None, now: datetime) -> str:
    """The version a stored state gives at `now`, starting a new one when it is missing or a
    boundary has passed."""
    if state is None or (state["until"] is not None and now.timestamp() >= state["until"]):
        state = {"token": uuid.uuid4().hex, "until": next_boundary(now)}
        cache.set(STATE_KEY, state, None)
    return f"{state['token']}:{timezone.localdate(now, TOKYO).isoformat()}"


def changed(*args, **kwargs):
    """Signal receiver: content changed; every cached public response is now stale."""
    cache.delete(STATE_KEY)


def settings_fingerprint() -> str:
    """The settings that shape public outputs (a change of them changes every key)."""
    from django.conf import settings

    names = ("IGREN_API", "IGREN_FEEDS", "IGREN_IMAGES", "IGREN_FRONTEND_URL", "WAGTAIL_SITE_NAME")
    return repr([getattr(settings, name, None) for name in names])


def response_key(kind: str, *parts: str) -> str:
    """The cache key of one public response: what was asked, not when (see `lookup`)."""
    seed = (settings_fingerprint(), kind, *parts)
    digest = hashlib.sha256("\x1f".join(seed).encode())
    return f"igren:response:{digest.hexdigest()[:40]}"


def lookup(key: str) -> tuple[str, dict | None]:
    """(the current content version, the entry kept under `key` if made under that version).

    One round trip to the cache for both: a kept entry names the version it was made under, so
    a publish (which starts a new version) retires every entry at once, on every instance."""
    found = cache.get_many([STATE_KEY, key])
    version = _version_of(found.get(STATE_KEY), timezone.now())
    entry = found.get(key)
    return version, entry if entry is not None and entry.get("version") == version else None


def etag_for(key: str, version: str) -> str:
    digest = hashlib.sha256("\x1f".join((version, key)).encode()).hexdigest()
    return f'"{digest[:40]}"'


def matches(request, etag: str) -> bool:
    given = request.headers.get("If-None-Match", "")
    return any(tag.strip().removeprefix("W/") == etag for tag in given.split(",")) or (
        given.strip() == "*"
    )


def connect():
    from wagtail.models import (
        Collection,
        CollectionViewRestriction,
        Page,
        PageViewRestriction,
        Site,
    )
    from wagtail.signals import page_published, page_unpublished, post_page_move

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(changed, dispatch_uid=f"igren_delivery_{signal}")
    senders = [Page, Site, Collection, PageViewRestriction, CollectionViewRestriction]
    senders += _optional_models()
    for sender in senders:
        for signal in (post_save, post_delete):
            signal.connect(
                changed, sender=sender, dispatch_uid=f"igren_delivery_{signal}_{sender.__name__}"
            )
    # Page subclasses send post_delete as themselves.
    post_delete.connect(_page_deleted, dispatch_uid="igren_delivery_page_deleted")


def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        changed()


def _optional_models():
    from django.apps import apps

    found = []
    for label, name in (
        ("wagtailimages", "Image"),
        ("wagtaildocs", "Document"),
        ("wagtailredirects", "Redirect"),
        ("igren_snippets", "Venue"),
        ("igren_snippets", "Organisation"),
        ("igren_snippets", "Category"),
    ):
        try:
            found.append(apps.get_model(label, name))
        except LookupError:
            continue
    return found


# How long a rendered response stays in the cache at most; a new content version makes it
# unreachable at once (the key changes), this only bounds the memory it holds.
RESPONSE_CACHE_SECONDS = 3600


def not_modified_since(request, headers) -> bool:
    """If-Modified-Since (only when no If-None-Match) against the kept Last-Modified."""
    from django.utils.http import parse_http_date_safe

    since = request.headers.get("If-Modified-Since")
    if not since or "If-None-Match" in request.headers or "Last-Modified" not in headers:
        return False
    since, changed = parse_http_date_safe(since), parse_http_date_safe(headers["Last-Modified"])
    return since is not None and changed is not None and changed <= since


def accepts_gzip(request) -> bool:
    """The client takes gzip (the test Django's GZipMiddleware applies)."""
    return bool(ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")))


def replay(request, entry: dict, etag: str):
    """A kept response answered again: 304 to a matching conditional request, else the body
    (the gzip kept with it when the client takes gzip, with a weak ETag as GZipMiddleware
    gives) with the kept headers (Cache-Control, Last-Modified, CORS, …)."""
    from django.http import HttpResponse, HttpResponseNotModified

    if matches(request, etag) or not_modified_since(request, entry["headers"]):
        response = HttpResponseNotModified()
        for header, value in entry["headers"].items():
            if header.lower() not in ("content-type", "content-encoding"):
                response[header] = value
        response["ETag"] = etag
        return response
    gzipped = entry.get("gzip") if accepts_gzip(request) else None
    response = HttpResponse(gzipped or entry["body"])
    for header, value in entry["headers"].items():
        response[header] = value
    response["ETag"] = f"W/{etag}" if gzipped else etag
    if gzipped:
        response["Content-Encoding"] = "gzip"
    response["Content-Length"] = str(len(response.content))
    return response


def cached_public(kind: str, vary: tuple[str, ...] = ("Accept-Encoding",)):
    """View decorator for public GET endpoints (GraphQL GETs, feeds, embed, sitemap).

    A 200 response the view marks `Cache-Control: public` is kept under the content version
    and the request, with an ETag derived from that key; a repeat is served from the cache and
    a conditional request (If-None-Match, or If-Modified-Since against the kept Last-Modified)
    is answered 304, both without any query or rendering. The body is also kept gzipped, so
    a repeat to a client that takes gzip costs no compression either (without the random
    padding Django's GZipMiddleware adds against BREACH: these public bodies hold no secret).
    Other responses (errors, previews, `no-store`) pass through untouched. `vary` is exactly
    what changes the body. A kept response carries `igren_kept` (the entry, its ETag and the
    endpoint group) for `igren_cms.middleware.ResponseCacheMiddleware`."""
    from functools import wraps

    from django.utils.text import compress_string

    from igren_cms.middleware import exact_vary

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                return view(request, *args, **kwargs)
            key = response_key(
                kind,
                request.get_host(),  # absolute URLs in the body are built from it
                request.path,
                request.META.get("QUERY_STRING", ""),
                repr(sorted(kwargs.items())),
                request.headers.get("Accept", ""),
            )
            version, cached = lookup(key)
            etag = etag_for(key, version)
            if cached is not None:
                response = replay(request, cached, etag)
                if response.status_code == 200:
                    response.igren_kept = {**cached, "etag": etag, "kind": kind}
                return exact_vary(response, *vary)
            response = view(request, *args, **kwargs)
            if getattr(response, "is_rendered", True) is False:
                response.render()  # a TemplateResponse (the sitemap)
            if (
                response.status_code == 200
                and not response.streaming
                and "public" in response.get("Cache-Control", "")
            ):
                response["ETag"] = etag
                exact_vary(response, *vary)
                headers = {k: v for k, v in response.items() if k.lower() != "content-length"}
                kept = {"version": version, "body": response.content, "headers": headers}
                if "Content-Encoding" not in response and len(response.content) >= 200:
                    kept["gzip"] = compress_string(response.content)
                cache.set(key, kept, RESPONSE_CACHE_SECONDS)
                response.igren_kept = {**kept, "etag": etag, "kind": kind}
            return response

        return wrapped

    return decorate
