"""Calendar windows computed in Asia/Tokyo: 今月と来月 and inclusive date ranges."""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone

TOKYO = ZoneInfo("Asia/Tokyo")


@dataclass(frozen=True)
class Window:
    """A half-open interval [start, end) of aware datetimes."""

    start: datetime.datetime
    end: datetime.datetime


def local_midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=TOKYO)


def add_months(year: int, month: int, count: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + count
    return index // 12, index % 12 + 1


def month_window(year: int, month: int, months: int = 1) -> Window:
    """From the 1st of `year-month` 00:00 JST up to (not including) the 1st `months` later."""
    end_year, end_month = add_months(year, month, months)
    return Window(
        local_midnight(datetime.date(year, month, 1)),
        local_midnight(datetime.date(end_year, end_month, 1)),
    )


def date_window(first: datetime.date, last: datetime.date) -> Window:
    """Inclusive local dates `first`..`last` as a half-open window."""
    return Window(local_midnight(first), local_midnight(last + datetime.timedelta(days=1)))


def today_in_tokyo(now: datetime.datetime | None = None) -> datetime.date:
    return (now or timezone.now()).astimezone(TOKYO).date()


def current_months(months: int = 2, now: datetime.datetime | None = None) -> list[Window]:
    """One window per month starting with the current month in Tokyo."""
    today = today_in_tokyo(now)
    result = []
    for offset in range(months):
        year, month = add_months(today.year, today.month, offset)
        result.append(month_window(year, month))
    return result


def iso_tokyo(value: datetime.datetime | None) -> str | None:
    """ISO 8601 to the second with the +09:00 offset, e.g. 2026-11-20T15:00:00+09:00."""
    return value.astimezone(TOKYO).replace(microsecond=0).isoformat() if value else None
