"""How an event is shown, decided once for every output: the HTML pages, GraphQL (`statusLabel`,
`location`, `when`, `onlineUrl`), the feeds, the embed page, the JSON-LD and (through GraphQL)
the widget.

- The status label is empty for an event that takes place as announced.
- An online-only event never shows a venue, even one left over from before it moved online;
  an in-person event never says オンライン; a cancelled or in-person event never offers a link
  to join.
- Times are in Asia/Tokyo: words for people (`when`, `previous_when`), ISO 8601 to the second
  with +09:00 for machines (`start_iso`), local dates for all-day events (`first_day`,
  `last_day`, and `end_day`, the exclusive end iCalendar and schema.org dates count to).
- Months are named here too (`month_label`), so the embed page and the widget say them alike.
- Japanese dates mark a national holiday （月・祝） and can be written in 和暦
  (令和8年12月10日（木）); `holiday` names it (jpholiday: 振替休日 and 国民の休日 included).
- `fiscal_year` is the association's 年度 (April to March) the event starts in, in Tokyo, and
  `fiscal_year_label` writes it 令和7年度.
"""

import datetime
from functools import cached_property

import jpholiday

from pages import wareki

from .windows import TOKYO, Month, iso_tokyo

LANGUAGES = ("ja", "en")
STATUS_LABELS = {
    "ja": {"cancelled": "中止", "postponed": "延期", "rescheduled": "日程変更"},
    "en": {"cancelled": "Cancelled", "postponed": "Postponed", "rescheduled": "Rescheduled"},
}
ONLINE = {"ja": "オンライン", "en": "Online"}
SEPARATOR = {"ja": " ／ ", "en": " / "}
PREVIOUSLY = {"ja": "当初の予定: {when}", "en": "Originally {when}"}
WEEKDAYS = "月火水木金土日"
EN_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def enum_name(value: str) -> str:
    """A stored choice as the API's enums name it (cancelled -> CANCELLED): the widget and the
    embed page mark an event's status with this one name."""
    return value.upper()


def language(lang: str | None) -> str:
    """A language the presenter speaks: `lang`, or Japanese."""
    return lang if lang in LANGUAGES else "ja"


def words_for(content_language: str) -> str:
    """The words that go with content in `content_language`, when no output asks for others:
    Japanese for Japanese, English for English and for any language the presenter does not
    speak (a Korean page's reader reads English sooner than Japanese)."""
    return content_language if content_language in LANGUAGES else "en"


def holiday_name(day: datetime.date) -> str | None:
    """The national holiday on `day` (元日, 海の日, 振替休日, 国民の休日 …), or None."""
    return jpholiday.is_holiday_name(day)


def fiscal_year(day: datetime.date) -> int:
    """The 年度 (April to March) a date falls in: 2027-03-31 is in 2026."""
    return day.year if day.month >= 4 else day.year - 1


def fiscal_year_label(year: int) -> str:
    """令和7年度: the era year of the 年度's first calendar year (2019 -> 令和元年度)."""
    return f"{wareki.to_wareki(datetime.date(year, 12, 31), wareki.YEAR)}度"


def jp_date(value, era: bool = False) -> str:
    """2026年11月24日（火）, 2026年11月23日（月・祝）, or with `era` 令和8年11月23日（月・祝）: a
    date, or an instant in Asia/Tokyo."""
    if hasattr(value, "hour"):
        value = value.astimezone(TOKYO).date()
    weekday = WEEKDAYS[value.weekday()] + ("・祝" if holiday_name(value) else "")
    if era and value >= wareki.GREGORIAN_ADOPTION:
        return f"{wareki.to_wareki(value)}（{weekday}）"
    return f"{value.year}年{value.month}月{value.day}日（{weekday}）"


def _en_date(value) -> str:
    return (
        f"{EN_WEEKDAYS[value.weekday()]} {value.day} {EN_MONTHS[value.month - 1][:3]} {value.year}"
    )


def _date(value, lang: str, era: bool = False) -> str:
    return _en_date(value) if lang == "en" else jp_date(value, era)


def month_label(month: Month, lang: str = "ja") -> str:
    """2026年12月, or December 2026."""
    if language(lang) == "en":
        return f"{EN_MONTHS[month.month - 1]} {month.year}"
    return f"{month.year}年{month.month}月"


def span_text(start, end, all_day: bool, lang: str, era: bool) -> str:
    """e.g. 2026年12月5日（土） 15:00〜17:00, or a span of days; `end` is the last instant
    (for all-day events, any moment of the last day); `era`: Japanese dates in 和暦."""
    start = start.astimezone(TOKYO)
    end = end.astimezone(TOKYO)
    first, last = _date(start, lang, era), _date(end, lang, era)
    same_day = start.date() == end.date()
    dash = "–" if lang == "en" else "〜"
    if all_day:
        if same_day:
            return first
        return f"{first} {dash} {last}" if lang == "en" else f"{first}{dash}{last}"
    if same_day:
        sep = ", " if lang == "en" else " "
        return f"{first}{sep}{start:%H:%M}{dash}{end:%H:%M}"
    if lang == "en":
        return f"{first} {start:%H:%M} {dash} {last} {end:%H:%M}"
    return f"{first} {start:%H:%M}{dash}{last} {end:%H:%M}"


def when_text(event, lang: str = "ja", era: bool = False) -> str:
    """When the event takes place, in words."""
    return span_text(event.start, event.end, event.all_day, language(lang), era)


class EventPresentation:
    """One event in one language; each part is worked out when first read, then kept.

    Lists ask for a few parts of many events (GraphQL's `venue` alone, say), so nothing is
    computed that the output does not show.
    """

    def __init__(self, event, lang: str):
        self.event = event
        self.lang = language(lang)

    @cached_property
    def status_label(self) -> str:
        """中止, 延期 or 日程変更; "" when the event takes place as announced."""
        return STATUS_LABELS[self.lang].get(self.event.status, "")

    @cached_property
    def status_name(self) -> str:
        """SCHEDULED, CANCELLED, POSTPONED or RESCHEDULED, as GraphQL's `status`."""
        return enum_name(self.event.status)

    @cached_property
    def venue(self):
        """The Venue shown, or None (online only, or none set)."""
        event = self.event
        return event.venue if event.attendance_mode != "online" and event.venue_id else None

    @cached_property
    def online(self) -> bool:
        """Takes place (also) online."""
        return self.event.attendance_mode != "offline"

    @cached_property
    def join_url(self) -> str | None:
        """Where the public may join online: never for a cancelled or an in-person event (a
        leftover URL must not invite people to a meeting that will not happen)."""
        event = self.event
        if not event.online_url or not self.online or event.status == "cancelled":
            return None
        return event.online_url

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
    def when_in_era(self) -> str:
        """`when` with Japanese dates in 和暦 (English is the same as `when`)."""
        return when_text(self.event, self.lang, era=True)

    @cached_property
    def when_shown(self) -> str:
        """What people read on the pages, the embed, the desk and in the feeds: Japanese in 和暦
        (令和8年12月10日（木） 18:00〜20:00), English as `when`."""
        return self.when_in_era if self.lang == "ja" else self.when

    @cached_property
    def when_with_holiday(self) -> str:
        """`when_shown` with the holiday named: 令和9年7月19日（月・祝） 18:30〜20:30（海の日）."""
        return f"{self.when_shown}（{self.holiday}）" if self.holiday else self.when_shown

    @cached_property
    def holiday(self) -> str | None:
        """The national holiday the event starts on, by its Japanese name, or None."""
        return holiday_name(self.first_day)

    @cached_property
    def fiscal_year(self) -> int:
        """The 年度 the event starts in."""
        return fiscal_year(self.first_day)

    @cached_property
    def fiscal_year_label(self) -> str:
        return fiscal_year_label(self.fiscal_year)

    @cached_property
    def previous_start(self) -> datetime.datetime | None:
        """The original start of a rescheduled event, else None."""
        event = self.event
        return event.previous_start if event.status == "rescheduled" else None

    @cached_property
    def previous_when(self) -> str:
        """当初の予定: 2026年12月3日（木） 18:00 for a rescheduled event; "" otherwise."""
        previous = self.previous_start
        if previous is None:
            return ""
        local = previous.astimezone(TOKYO)
        words = (
            _date(local, self.lang)
            if self.event.all_day
            else (f"{_date(local, self.lang)} {local:%H:%M}")
        )
        return PREVIOUSLY[self.lang].format(when=words)

    @cached_property
    def start_iso(self) -> str:
        return iso_tokyo(self.event.start)

    @cached_property
    def first_day(self) -> datetime.date:
        """The local date the event starts on."""
        return self.event.start.astimezone(TOKYO).date()

    @cached_property
    def last_day(self) -> datetime.date:
        """The local date of the event's last moment."""
        return self.event.end.astimezone(TOKYO).date()

    @cached_property
    def end_day(self) -> datetime.date:
        """The day after `last_day`: the exclusive end date of an all-day event."""
        return self.last_day + datetime.timedelta(days=1)
