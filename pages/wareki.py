"""Japanese era (和暦) dates: 1984-04-20 → 昭和59年4月20日, 2019-05-01 → 令和元年5月1日.

The first year of an era is written 元年. For a date known only to the year or the month, the era
is the one in force at the end of that year or month (1989 → 平成元年, 2019-04 → 平成31年4月,
2019-05 → 令和元年5月), which is how such years are usually named.
"""

import calendar
import datetime

# (first day, name), newest first. Dates before 明治6年 (the adoption of the Gregorian calendar,
# 1873-01-01) are not converted: their 和暦 dates followed the old lunisolar calendar.
ERAS = (
    (datetime.date(2019, 5, 1), "令和"),
    (datetime.date(1989, 1, 8), "平成"),
    (datetime.date(1926, 12, 25), "昭和"),
    (datetime.date(1912, 7, 30), "大正"),
    (datetime.date(1868, 10, 23), "明治"),
)
GREGORIAN_ADOPTION = datetime.date(1873, 1, 1)

YEAR = "year"
MONTH = "month"
DAY = "day"


def era_year(day: datetime.date) -> tuple[str, int]:
    """The era name and year number in force on `day`."""
    if day < GREGORIAN_ADOPTION:
        raise ValueError(f"{day.isoformat()} is before 1873; 和暦 is not computed for it")
    for first, name in ERAS:
        if day >= first:
            return name, day.year - first.year + 1
    raise AssertionError("unreachable: the oldest era starts before the Gregorian adoption")


def _year_label(name: str, number: int) -> str:
    return f"{name}{'元' if number == 1 else number}年"


def to_wareki(day: datetime.date, precision: str = DAY) -> str:
    """Format `day` as a Japanese era date at the given precision (year, month or day)."""
    if precision == YEAR:
        name, number = era_year(datetime.date(day.year, 12, 31))
        return _year_label(name, number)
    if precision == MONTH:
        last = calendar.monthrange(day.year, day.month)[1]
        name, number = era_year(datetime.date(day.year, day.month, last))
        return f"{_year_label(name, number)}{day.month}月"
    if precision == DAY:
        name, number = era_year(day)
        return f"{_year_label(name, number)}{day.month}月{day.day}日"
    raise ValueError(f"unknown precision {precision!r}")
