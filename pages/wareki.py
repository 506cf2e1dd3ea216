"""Japanese era (和暦) dates: 1984-04-20 → 昭和59年4月20日, 2019-05-01 → 令和元年5月1日.

The first year of an era is written 元年. For a date known only to the year or the month, the era
is the one in force at the end of that year or month (1989 → 平成元年, 2019-04 → 平成31年4月,
2019-05 → 令和元年5月), which is how such years are usually named.
"""

import calendar
import datetime
import re
import unicodedata

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


# -- reading a date an editor typed ------------------------------------------------------------

ERA_NAMES = {name: first for first, name in ERAS}
ERA_ALIASES = {"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和"}
_ERA_DATE = re.compile(
    r"^(?P<era>明治|大正|昭和|平成|令和|[MTSHR])\s*(?P<year>元|\d{1,2})\s*[年.\-/]?"
    r"(?:\s*(?P<month>\d{1,2})\s*[月.\-/]?(?:\s*(?P<day>\d{1,2})\s*日?)?)?$"
)
_WESTERN_DATE = re.compile(
    r"^(?P<year>\d{4})\s*[年.\-/]?(?:\s*(?P<month>\d{1,2})\s*[月.\-/]?"
    r"(?:\s*(?P<day>\d{1,2})\s*日?)?)?$"
)


class UnreadableDate(ValueError):
    """A typed date that names no day: the message says why, in Japanese."""


def _era_end(name: str) -> datetime.date | None:
    """The last day of an era (None for the present one)."""
    newer = [first for first, era in ERAS if first > ERA_NAMES[name]]
    return min(newer) - datetime.timedelta(days=1) if newer else None


def parse(text: str) -> tuple[datetime.date, str]:
    """A date as an editor types it, with the precision it gives: 昭和59年4月20日, 平成15年,
    令和元年5月, S59.4.20, 1984-04-20, 1984年4月, 2003 (full-width digits too). Dates that no
    era had (平成31年5月1日, 令和元年4月30日) are refused, naming the era in force."""
    value = unicodedata.normalize("NFKC", text or "").strip()
    match = _ERA_DATE.match(value)
    western = None if match else _WESTERN_DATE.match(value)
    if match is None and western is None:
        raise UnreadableDate(
            "日付は 1984-04-20、昭和59年4月20日、平成15年 のように入力してください。"
        )
    found = match or western
    month, day = found["month"], found["day"]
    precision = DAY if day else MONTH if month else YEAR
    if match:
        era = ERA_ALIASES.get(match["era"], match["era"])
        number = 1 if match["year"] == "元" else int(match["year"])
        if number < 1:
            raise UnreadableDate(
                f"{era}の年は元年（1年）から数えます。正しい年を入力してください。"
            )
        year = ERA_NAMES[era].year + number - 1
    else:
        era, year = None, int(western["year"])
    try:
        first = datetime.date(year, int(month or 1), int(day or 1))
    except ValueError as error:
        raise UnreadableDate("その年月日はありません。正しい日付を入力してください。") from error
    if precision == DAY:
        last = first
    elif precision == MONTH:
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    else:
        last = datetime.date(first.year, 12, 31)
    if era is not None:
        start, end = ERA_NAMES[era], _era_end(era)
        if last < start or (end is not None and first > end):
            range_text = f"{to_wareki(start)}から" + (f"{to_wareki(end)}まで" if end else "")
            raise UnreadableDate(f"{era}は{range_text}です。正しい日付を入力してください。")
    return first, precision
