"""Last-Modified and Cache-Control of feeds and embed pages.

Last-Modified is the newest of: the publish time of
each event shown, the newest entry in Wagtail's page and snippet logs (unpublish, delete, move,
restrictions, venue edits), and the newest go-live or expiry that has already passed. It only
ever moves forward, so If-Modified-Since never hides a removal.
"""

import datetime

from django.db.models import Max, Q
from django.utils.http import http_date
from wagtail.models import ModelLogEntry, PageLogEntry

from igren_cms.conf import feed_setting
from pages.models import EventPage


def last_change(events, now: datetime.datetime) -> datetime.datetime | None:
    stamps = [e.last_published_at for e in events if e.last_published_at]
    for model in (PageLogEntry, ModelLogEntry):
        stamps.append(model.objects.aggregate(latest=Max("timestamp"))["latest"])
    passed = EventPage.objects.filter(Q(go_live_at__lte=now) | Q(expire_at__lte=now)).aggregate(
        go_live=Max("go_live_at", filter=Q(go_live_at__lte=now)),
        expire=Max("expire_at", filter=Q(expire_at__lte=now)),
    )
    stamps.extend(passed.values())
    stamps = [s for s in stamps if s]
    return max(stamps) if stamps else None


def finish(response, events, now):
    """Last-Modified and Cache-Control of a feed or embed response. Its ETag and its answers to
    conditional requests (304) come from the response cache (igren_cms.http_cache), which
    every feed and embed URL goes through."""
    changed = last_change(events, now) if now else None
    if changed:
        response["Last-Modified"] = http_date(changed.timestamp())
    response["Cache-Control"] = f"public, max-age={feed_setting('MAX_AGE')}"
    return response
