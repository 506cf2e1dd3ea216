"""ETag, Last-Modified, Cache-Control and 304 answers for feeds and embed pages.

The ETag is a hash of the body, so any change a reader could see (an edit, a publish, an
unpublish, an expiry) changes it at once. Last-Modified is the newest of: the publish time of
each event shown, the newest entry in Wagtail's page and snippet logs (unpublish, delete, move,
restrictions, venue edits), and the newest go-live or expiry that has already passed. It only
ever moves forward, so If-Modified-Since never hides a removal.
"""

import datetime
import hashlib

from django.db.models import Max, Q
from django.utils.http import http_date, parse_http_date_safe
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


def _etag_matches(header: str, etag: str) -> bool:
    if header.strip() == "*":
        return True
    tags = [tag.strip().removeprefix("W/") for tag in header.split(",")]
    return etag in tags


def finish(request, response, events, now):
    """Add validators and caching headers; turn the response into a 304 when they match."""
    etag = '"' + hashlib.sha256(response.content).hexdigest()[:32] + '"'
    changed = last_change(events, now) if now else None
    response["ETag"] = etag
    if changed:
        response["Last-Modified"] = http_date(changed.timestamp())
    response["Cache-Control"] = f"public, max-age={feed_setting('MAX_AGE')}"
    response["Vary"] = "Accept-Encoding"
    if_none_match = request.headers.get("If-None-Match")
    if_modified_since = request.headers.get("If-Modified-Since")
    if if_none_match is not None:
        unchanged = _etag_matches(if_none_match, etag)
    elif if_modified_since and changed:
        since = parse_http_date_safe(if_modified_since)
        unchanged = since is not None and int(changed.timestamp()) <= since
    else:
        unchanged = False
    if unchanged and request.method in ("GET", "HEAD"):
        response.status_code = 304
        response.content = b""
        for header in ("Content-Length", "Content-Type"):
            if header in response:
                del response[header]
    return response
