"""Feed and embed settings (settings.IGREN_FEEDS overrides these defaults)."""

from django.conf import settings

DEFAULTS = {
    # Past events kept in the feeds, in days, so subscribers still see what just happened.
    "PAST_DAYS": 90,
    # A cancelled event stays (STATUS:CANCELLED) this many days after it was cancelled.
    "CANCELLED_GRACE_DAYS": 30,
    # Cache-Control max-age of feeds and embed pages, in seconds.
    "MAX_AGE": 300,
    # Origins allowed to frame /embed/events/ (CSP frame-ancestors); "*" means any.
    "FRAME_ANCESTORS": ["*"],
    # Domain part of every iCalendar UID. Empty: the default Wagtail site's hostname.
    "UID_DOMAIN": "",
    # Most events in one feed response.
    "MAX_ITEMS": 500,
}


def feed_setting(name: str):
    return getattr(settings, "IGREN_FEEDS", {}).get(name, DEFAULTS[name])
