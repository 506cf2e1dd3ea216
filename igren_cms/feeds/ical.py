"""iCalendar (RFC 5545) for events: content lines, escaping, folding, and the calendar itself.

- Lines end in CR LF and are folded at 75 octets; a fold never splits a UTF-8 character.
- TEXT values escape backslash, semicolon, comma and line breaks.
- One UID per event for life (`event-<page id>@<domain>`), so a reschedule updates the entry a
  subscriber already has instead of adding a second one; SEQUENCE rises with every change of
  time, place or status; a cancelled event is sent with STATUS:CANCELLED.
- Timed events use local Tokyo times with TZID=Asia/Tokyo and a VTIMEZONE; all-day events use
  VALUE=DATE with the exclusive end date RFC 5545 expects.
"""

import datetime

from pages.events.text import EventText
from pages.events.windows import tokyo
from pages.locales import stable_id

LINE_OCTETS = 75
PRODID = "-//Kanagawa Igren//Igren CMS//JA"
STATUS = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}
VTIMEZONE = (
    "BEGIN:VTIMEZONE",
    "TZID:Asia/Tokyo",
    "X-LIC-LOCATION:Asia/Tokyo",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0900",
    "TZOFFSETTO:+0900",
    "TZNAME:JST",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def escape_text(value: str) -> str:
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Split a content line into 75-octet pieces joined by CRLF + space, whole characters only."""
    pieces, current, size = [], [], 0
    limit = LINE_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1  # continuation lines start with a space
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def utc_stamp(value: datetime.datetime) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _event_times(event) -> list[str]:
    shown = event.presented()
    if event.all_day:
        return [
            f"DTSTART;VALUE=DATE:{shown.first_day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{shown.end_day:%Y%m%d}",
        ]
    return [
        f"DTSTART;TZID=Asia/Tokyo:{tokyo(event.start):%Y%m%dT%H%M%S}",
        f"DTEND;TZID=Asia/Tokyo:{tokyo(event.end):%Y%m%dT%H%M%S}",
    ]


def vevent(event, text: EventText, uid_domain: str, now: datetime.datetime) -> list[str]:
    changed = event.last_published_at or now
    lines = [
        "BEGIN:VEVENT",
        f"UID:event-{stable_id(event)}@{uid_domain}",
        f"DTSTAMP:{utc_stamp(changed)}",
        f"LAST-MODIFIED:{utc_stamp(changed)}",
        f"SEQUENCE:{event.calendar_sequence}",
        f"STATUS:{STATUS.get(event.status, 'CONFIRMED')}",
        *_event_times(event),
        f"SUMMARY:{escape_text(text.display_title)}",
    ]
    if event.first_published_at:
        lines.append(f"CREATED:{utc_stamp(event.first_published_at)}")
    if text.description:
        lines.append(f"DESCRIPTION:{escape_text(text.description)}")
    if text.location:
        lines.append(f"LOCATION:{escape_text(text.location)}")
    if text.url:
        lines.append(f"URL;VALUE=URI:{text.url}")
    if text.image is not None:  # RFC 7986 IMAGE
        lines.append(
            f"IMAGE;VALUE=URI;DISPLAY=BADGE;FMTTYPE={text.image.mime_type}:{text.image.url}"
        )
    if text.categories:
        lines.append("CATEGORIES:" + ",".join(escape_text(c) for c in text.categories))
    lines.append("END:VEVENT")
    return lines


def calendar(items, *, name: str, description: str, uid_domain: str, now) -> bytes:
    """The whole VCALENDAR for [(event, EventText)] as UTF-8 bytes with CRLF line ends."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape_text(name)}",
        f"X-WR-CALDESC:{escape_text(description)}",
        "X-WR-TIMEZONE:Asia/Tokyo",
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        "X-PUBLISHED-TTL:PT1H",
        *VTIMEZONE,
    ]
    for event, text in items:
        lines.extend(vevent(event, text, uid_domain, now))
    lines.append("END:VCALENDAR")
    return ("\r\n".join(fold(line) for line in lines) + "\r\n").encode("utf-8")
