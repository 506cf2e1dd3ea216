"""How an event is shown, decided once for every output: the HTML pages, GraphQL (`statusLabel`,
`location`, `when`), the feeds, the embed page, the JSON-LD and (through GraphQL) the widget.

- The status label is empty for an event that takes place as announced.
- An online-only event never shows a venue, even one left over from before it moved online;
  an in-person event never says オンライン.
- Times are in Asia/Tokyo: words for people (`when`), ISO 8601 to the second with +09:00 for
  machines (`start_iso`, `end_iso`).
"""

from functools import cached_property

from pages.event_windows import TOKYO, iso_tokyo

LANGUAGES = ("ja", "en")
STATUS_LABELS = {
    "ja": {"cancelled": "中止", "postponed": "延期", "rescheduled": "日程変更"},
    "en": {"cancelled": "Cancelled", "postponed": "Postponed", "rescheduled": "Rescheduled"},
}
ONLINE = {"ja": "オンライン", "en": "Online"}
SEPARATOR = {"ja": " ／ ", "en": " / "}
WEEKDAYS = "月火水木金土日"
EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def jp_date(value) -> str:
    """2026年11月24日（火）: a date, or an instant in Asia/Tokyo."""
    if hasattr(value, "hour"):
        value = value.astimezone(TOKYO)
    return f"{value.year}年{value.month}月{value.day}日（{WEEKDAYS[value.weekday()]}）"


def _en_date(value) -> str:
    return f"{EN_WEEKDAYS[value.weekday()]} {value.day} {value:%b %Y}"


def when_text(event, lang: str = "ja") -> str:
    """e.g. 2026年12月5日（土） 15:00〜17:00, or a span of days for multi-day events."""
    start = event.start.astimezone(TOKYO)
    end = event.end.astimezone(TOKYO)
    same_day = start.date() == end.date()
    if lang == "en":
        if event.all_day:
            return _en_date(start) if same_day else f"{_en_date(start)} – {_en_date(end)}"
        if same_day:
            return f"{_en_date(start)}, {start:%H:%M}–{end:%H:%M}"
        return f"{_en_date(start)} {start:%H:%M} – {_en_date(end)} {end:%H:%M}"
    if event.all_day:
        return jp_date(start) if same_day else f"{jp_date(start)}〜{jp_date(end)}"
    if same_day:
        return f"{jp_date(start)} {start:%H:%M}〜{end:%H:%M}"
    return f"{jp_date(start)} {start:%H:%M}〜{jp_date(end)} {end:%H:%M}"


class EventPresentation:
    """One event in one language; each part is worked out when first read, then kept.

    Lists ask for a few parts of many events (GraphQL's `venue` alone, say), so nothing is
    computed that the output does not show.
    """

    def __init__(self, event, lang: str):
        self.event = event
        self.lang = lang

    @cached_property
    def status_label(self) -> str:
        """中止, 延期 or 日程変更; "" when the event takes place as announced."""
        return STATUS_LABELS[self.lang].get(self.event.status, "")

    @cached_property
    def venue(self):
        """The Venue shown, or None (online only, or none set)."""
        event = self.event
        return event.venue if event.attendance_mode != "online" and event.venue_id else None

    @cached_property
    def online(self) -> bool:
        """Takes place (also) online."""
        return self.event.attendance_mode != "offline"

    def _places(self, venue_text: str) -> str:
        parts = [" ".join(venue_text.split())] if self.venue is not None else []
        if self.online:
            parts.append(ONLINE[self.lang])
        return SEPARATOR[self.lang].join(parts)

    @cached_property
    def location(self) -> str:
        """ "会場名 ／ オンライン", "オンライン", "会場名" or ""."""
        return self._places(self.venue.name if self.venue is not None else "")

    @cached_property
    def full_location(self) -> str:
        """The same with the venue's 〒 postal code and address (calendars)."""
        venue = self.venue
        return self._places(f"{venue.name} {venue.full_address}" if venue is not None else "")

    @cached_property
    def when(self) -> str:
        return when_text(self.event, self.lang)

    @cached_property
    def start_iso(self) -> str:
        return iso_tokyo(self.event.start)

    @cached_property
    def end_iso(self) -> str:
        return iso_tokyo(self.event.end)


def present(event, lang: str = "ja") -> EventPresentation:
    """The event as every output shows it (memoised on the instance, per language)."""
    memo = event.__dict__.setdefault("_igren_presented", {})
    if lang not in memo:
        memo[lang] = EventPresentation(event, lang if lang in LANGUAGES else "ja")
    return memo[lang]
