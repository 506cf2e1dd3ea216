"""JSON Feed 1.1 of events, with an `_igren` extension carrying start, end, venue and status."""

import json

from igren_cms.conf import association_name
from pages.events.windows import iso_tokyo
from pages.locales import stable_id
from pages.plain_text import one_line

from .syndication import item_html

VERSION = "https://jsonfeed.org/version/1.1"


def _venue(event):
    venue = event.presented().venue
    if venue is None:
        return None
    return {
        "name": one_line(venue.name),
        "postal_code": one_line(venue.postal_code),
        "address": one_line(venue.address),
    }


def item(event, text, uid_domain, lang="ja") -> dict:
    entry = {
        "id": f"tag:{uid_domain},1984:event-{stable_id(event)}",
        "title": text.display_title,
        "content_html": item_html(event, text, lang),
        "tags": text.categories,
        "_igren": {
            "start": iso_tokyo(event.start),
            "end": iso_tokyo(event.end),
            "all_day": event.all_day,
            "status": event.status,
            "attendance_mode": event.attendance_mode,
            "venue": _venue(event),
            "online_url": event.presented().join_url,
            "ics_url": text.ics_url,
        },
    }
    if text.url:
        entry["url"] = text.url
    if text.summary:
        entry["summary"] = text.summary
    if text.image is not None:
        entry["image"] = text.image.url
    if event.first_published_at:
        entry["date_published"] = iso_tokyo(event.first_published_at)
    if event.last_published_at:
        entry["date_modified"] = iso_tokyo(event.last_published_at)
    return entry


def build(items, *, title, home_page_url, feed_url, description, uid_domain, lang="ja") -> bytes:
    feed = {
        "version": VERSION,
        "title": title,
        "home_page_url": home_page_url,
        "feed_url": feed_url,
        "description": description,
        "language": lang,
        "authors": [{"name": association_name(), "url": home_page_url}],
        "items": [item(event, text, uid_domain, lang) for event, text in items],
    }
    return json.dumps(feed, ensure_ascii=False, indent=1).encode("utf-8")
