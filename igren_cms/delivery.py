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
import uuid
from datetime import datetime

from django.core.cache import cache
from django.db.models import Min
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from pages.event_windows import TOKYO

STATE_KEY = "igren:content-version"


def next_boundary(now: datetime) -> float | None:
    """The next moment (epoch seconds) at which time alone changes a public output."""
    from wagtail.models import Page

    from pages.models import EventPage

    found = Page.objects.filter(live=True).aggregate(
        go_live=Min("go_live_at", filter=_after("go_live_at", now)),
        expire=Min("expire_at", filter=_after("expire_at", now)),
    )
    ends = EventPage.objects.filter(live=True, end__gt=now).aggregate(end=Min("end"))
    moments = [m for m in (found["go_live"], found["expire"], ends["end"]) if m is not None]
    return min(moments).timestamp() if moments else None


def _after(field, now):
    from django.db.models import Q

    return Q(**{f"{field}__gt": now})


def content_version(now: datetime | None = None) -> str:
    """The current token and Tokyo date, e.g. "3f2a…:2026-11-25"."""
    now = now or timezone.now()
    state = cache.get(STATE_KEY)
    if state is None or (state["until"] is not None and now.timestamp() >= state["until"]):
        state = {"token": uuid.uuid4().hex, "until": next_boundary(now)}
        cache.set(STATE_KEY, state, None)
    return f"{state['token']}:{timezone.localdate(now, TOKYO).isoformat()}"


def changed(*args, **kwargs):
    """Signal receiver: content changed; every cached public response is now stale."""
    cache.delete(STATE_KEY)


def response_key(kind: str, *parts: str, now: datetime | None = None) -> str:
    """A cache key (and ETag seed) for one public response under the current version."""
    digest = hashlib.sha256("\x1f".join((content_version(now), kind, *parts)).encode())
    return f"igren:response:{digest.hexdigest()[:40]}"


def etag_for(key: str) -> str:
    return f'"{key.rsplit(":", 1)[1]}"'


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
