"""The content version: what a cached public response may be keyed by.

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

import uuid
from datetime import datetime

from django.apps import apps
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models import Subquery
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from pages.events.windows import TOKYO
from pages.models import EventPage

STATE_KEY = "igren:content-version"
OPTIONAL_MODELS = (
    ("wagtailimages", "Image"),
    ("wagtaildocs", "Document"),
    ("wagtailredirects", "Redirect"),
    ("igren_snippets", "Venue"),
    ("igren_snippets", "Organisation"),
    ("igren_snippets", "Category"),
)


def next_boundary(now: datetime) -> float | None:
    """The next moment (epoch seconds) at which time alone changes a public output.

    The soonest go-live, expiry and event end after `now`: three index walks (the event end
    index and igren_pages' partial indexes on go-live and expiry) read in one statement, so the
    cost does not grow with the archive of past events.
    """
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


# The cache itself unreachable: the database cache during a database outage (Redis errors are
# swallowed by django-redis, IGNORE_EXCEPTIONS). Then nothing is cached or answered from it.
CACHE_ERRORS = (DatabaseError, OSError)


UNCACHED = "uncached-"


def uncached_version() -> str:
    """A version no kept entry or ETag can match: every answer is made afresh."""
    return f"{UNCACHED}{uuid.uuid4().hex}"


def is_uncached(version: str) -> bool:
    return version.startswith(UNCACHED)


def content_version(now: datetime | None = None) -> str:
    """The current token and Tokyo date, e.g. "3f2a…:2026-11-25"."""
    now = now or timezone.now()
    try:
        return version_of(cache.get(STATE_KEY), now)
    except CACHE_ERRORS:
        return uncached_version()


def version_of(state: dict | None, now: datetime) -> str:
    """The version a stored state gives at `now`, starting a new one when it is missing or a
    boundary has passed."""
    if state is None or (state["until"] is not None and now.timestamp() >= state["until"]):
        state = {"token": uuid.uuid4().hex, "until": next_boundary(now)}
        cache.set(STATE_KEY, state, None)
    return f"{state['token']}:{timezone.localdate(now, TOKYO).isoformat()}"


def changed(*args, **kwargs):
    """Signal receiver: content changed; every cached public response is now stale."""
    cache.delete(STATE_KEY)  # an error here must fail the change: a stale version would stay


def connect():
    """Retire the version on every change that can show in a public output (AppConfig.ready)."""
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
    if isinstance(instance, Page):
        changed()


def _optional_models():
    found = []
    for label, name in OPTIONAL_MODELS:
        try:
            found.append(apps.get_model(label, name))
        except LookupError:
            continue
    return found
