"""Calendar windows in Asia/Tokyo: a month, 今月と来月, an inclusive range of dates.

A `Window` is a half-open interval [start, end) of instants. Whether an event is in it is decided
here and nowhere else: `window.q()` says it to the database, `window.contains(event)` to Python,
and both say the same thing: an event that overlaps a boundary is in the window.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Q
from django.utils import timezone

TOKYO = ZoneInfo("Asia/Tokyo")


@dataclass(frozen=True)
class Window:
    """A half-open interval [start, end) of aware datetimes."""

    start: datetime.datetime
    end: datetime.datetime

    def q(self, prefix: str = "") -> Q:
        """Events (under `prefix`) that overlap the window, for a queryset filter."""
        return Q(**{f"{prefix}start__lt": self.end, f"{prefix}end__gt": self.start})

    def q_start(self, prefix: str = "") -> Q:
        """Events (under `prefix`) that start inside the window (a 年度 counts events by their
        start)."""
        return Q(**{f"{prefix}start__gte": self.start, f"{prefix}start__lt": self.end})

    def contains(self, event) -> bool:
        """The same rule as `q()` for an event already loaded."""
        return event.start < self.end and event.end > self.start

    def span(self, other: "Window") -> "Window":
        """From this window's start to `other`'s end."""
        return Window(self.start, other.end)


@dataclass(frozen=True)
class Month(Window):
    """One calendar month in Tokyo."""

    year: int
    month: int

    @property
    def key(self) -> str:
        """2026-12: the month as the API's `month` argument spells it."""
        return f"{self.year:04d}-{self.month:02d}"


def local_midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=TOKYO)


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def one_month(year: int, month: int) -> Month:
    end_year, end_month = add_months(year, month, 1)
    return Month(
        local_midnight(datetime.date(year, month, 1)),
        local_midnight(datetime.date(end_year, end_month, 1)),
        year,
        month,
    )


def months_from(year: int, month: int, count: int) -> list[Month]:
    """`count` consecutive months, the first being `year-month`."""
    return [one_month(*add_months(year, month, offset)) for offset in range(count)]


def month_window(year: int, month: int, months: int = 1) -> Window:
    """From the 1st of `year-month` 00:00 JST up to (not including) the 1st `months` later."""
    found = months_from(year, month, months)
    return found[0].span(found[-1])


def date_window(first: datetime.date, last: datetime.date) -> Window:
    """Inclusive local dates `first`..`last` as a half-open window."""
    return Window(local_midnight(first), local_midnight(last + datetime.timedelta(days=1)))


def fiscal_year_window(year: int) -> Window:
    """The association's 年度 `year`: 1 April 00:00 in Tokyo up to 1 April of the next year."""
    return Window(
        local_midnight(datetime.date(year, 4, 1)), local_midnight(datetime.date(year + 1, 4, 1))
    )


def today_in_tokyo(now: datetime.datetime | None = None) -> datetime.date:
    return (now or timezone.now()).astimezone(TOKYO).date()


def current_months(months: int = 2, now: datetime.datetime | None = None) -> list[Month]:
    """One window per month starting with the current month in Tokyo."""
    today = today_in_tokyo(now)
    return months_from(today.year, today.month, months)


def tokyo(value: datetime.datetime | None) -> datetime.datetime | None:
    """An aware datetime in Asia/Tokyo, to the second; None stays None."""
    return value.astimezone(TOKYO).replace(microsecond=0) if value else None


def iso_tokyo(value: datetime.datetime | None) -> str | None:
    """ISO 8601 to the second with the +09:00 offset, e.g. 2026-11-20T15:00:00+09:00."""
    found = tokyo(value)
    return found.isoformat() if found else None
