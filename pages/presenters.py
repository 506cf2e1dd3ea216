"""How an event is shown, decided once for every output: the HTML pages, GraphQL (`statusLabel`,
`location`, `when`), the feeds, the embed page, the JSON-LD and (through GraphQL) the widget.

- The status label is empty for an event that takes place as announced.
- An online-only event never shows a venue, even one left over from before it moved online;
  an in-person event never says オンライン.
- Times are in Asia/Tokyo: words for people (`when`), ISO 8601 to the second with +09:00 for
  machines (`start_iso`, `end_iso`).
"""

from dataclasses import dataclass

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


@dataclass(frozen=True)
class EventPresentation:
    status_label: str  # "" when the event takes place as announced
    venue: object  # the Venue shown, or None (online only, or none set)
    online: bool  # takes place (also) online
    location: str  # "会場名 ／ オンライン", "オンライン", "会場名" or ""
    full_location: str  # the same with the venue's 〒 postal code and address (calendars)
    when: str
    start_iso: str
    end_iso: str


def present(event, lang: str = "ja") -> EventPresentation:
    """The event as every output shows it (memoised on the instance, per language)."""
    memo = event.__dict__.setdefault("_igren_presented", {})
    if lang not in memo:
        memo[lang] = _present(event, lang if lang in LANGUAGES else "ja")
    return memo[lang]


def _present(event, lang: str) -> EventPresentation:
    mode = event.attendance_mode
    venue = event.venue if mode != "online" and event.venue_id else None
    online = mode != "offline"
    parts = [" ".join(venue.name.split())] if venue is not None else []
    full = [" ".join(f"{venue.name} {venue.full_address}".split())] if venue is not None else []
    if online:
        parts.append(ONLINE[lang])
        full.append(ONLINE[lang])
    return EventPresentation(
        status_label=STATUS_LABELS[lang].get(event.status, ""),
        venue=venue,
        online=online,
        location=SEPARATOR[lang].join(parts),
        full_location=SEPARATOR[lang].join(full),
        when=when_text(event, lang),
        start_iso=iso_tokyo(event.start),
        end_iso=iso_tokyo(event.end),
    )
