"""Dates and times of an event in words, Japanese or English, always in Asia/Tokyo."""

from pages.event_windows import TOKYO
from pages.templatetags.igren_tags import jp_date

EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


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
