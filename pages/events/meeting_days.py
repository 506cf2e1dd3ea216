"""A meeting rule in the association's own terms, the days it gives and how it reads.

The rule names days (毎月第3木曜日, 毎週水曜日, 隔月, chosen months) inside a period; a day that
is a national holiday (jpholiday: 振替休日 and 国民の休日 included) is skipped (休会), moved to
the day before or after, or held, as the holiday policy says. The year-end break (年末年始,
12/29–1/3 unless configured otherwise) is never met in: a meeting that falls in it is skipped,
and a moved meeting steps over it.

Everything here is plain Python over dates: the admin's preview, the generator of event pages,
the API's `meetingRule.text` and the tests all ask these functions.
"""

import calendar
import datetime
from dataclasses import dataclass

from pages.events.presenter import WEEKDAYS, holiday_name

MONTHLY = "monthly"
ODD_MONTHS = "odd_months"
EVEN_MONTHS = "even_months"
CHOSEN_MONTHS = "chosen_months"
WEEKLY = "weekly"
FREQUENCIES = (MONTHLY, ODD_MONTHS, EVEN_MONTHS, CHOSEN_MONTHS, WEEKLY)

SKIP = "skip"
DAY_BEFORE = "day_before"
DAY_AFTER = "day_after"
HOLD = "hold"
HOLIDAY_POLICIES = (SKIP, DAY_BEFORE, DAY_AFTER, HOLD)

LAST = -1  # the ordinal of 最終◯曜日
ORDINALS = (1, 2, 3, 4, LAST)

HELD = "held"
MOVED = "moved"
SKIPPED = "skipped"

YEAR_END = "年末年始"
POLICY_WORDS = {
    SKIP: "祝日の場合は休会",
    DAY_BEFORE: "祝日の場合は前日",
    DAY_AFTER: "祝日の場合は翌日",
    HOLD: "祝日も開催",
}
# How far a meeting may move past a run of holidays (ゴールデンウィーク is at most 5 days).
MAX_STEPS = 7


@dataclass(frozen=True)
class Blackout:
    """Days of every year without meetings, from (month, day) to (month, day) inclusive; the
    range may wrap past 31 December (12/29–1/3)."""

    first: tuple[int, int]
    last: tuple[int, int]

    def covers(self, day: datetime.date) -> bool:
        key = (day.month, day.day)
        if self.first <= self.last:
            return self.first <= key <= self.last
        return key >= self.first or key <= self.last

    @property
    def text(self) -> str:
        return f"{self.first[0]}/{self.first[1]}〜{self.last[0]}/{self.last[1]}"


@dataclass(frozen=True)
class Rule:
    frequency: str
    weekday: int  # 0 = Monday, as datetime.date.weekday()
    start_time: datetime.time
    end_time: datetime.time
    first_day: datetime.date
    last_day: datetime.date
    ordinal: int = 1  # 1-4 or LAST; unused by WEEKLY
    months: tuple[int, ...] = ()  # CHOSEN_MONTHS only
    holiday_policy: str = SKIP
    blackout: Blackout | None = None

    def meets_in(self, month: int) -> bool:
        if self.frequency == ODD_MONTHS:
            return month % 2 == 1
        if self.frequency == EVEN_MONTHS:
            return month % 2 == 0
        if self.frequency == CHOSEN_MONTHS:
            return month in self.months
        return True


@dataclass(frozen=True)
class Meeting:
    """One day the rule names, and what became of it."""

    nominal: datetime.date  # the day the rule names
    day: datetime.date | None  # the day it meets; None when skipped
    outcome: str  # HELD, MOVED or SKIPPED
    reason: str | None = None  # the holiday's name or 年末年始, when not held as named

    @property
    def held(self) -> bool:
        return self.day is not None


def nth_weekday(year: int, month: int, weekday: int, ordinal: int) -> datetime.date | None:
    """The `ordinal`th (or LAST) `weekday` of a month; None when the month has no such day."""
    days = [
        datetime.date(year, month, d)
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if datetime.date(year, month, d).weekday() == weekday
    ]
    if ordinal == LAST:
        return days[-1]
    return days[ordinal - 1] if ordinal <= len(days) else None


def nominal_days(rule: Rule) -> list[datetime.date]:
    """The days the rule names inside its period, before holidays."""
    if rule.frequency == WEEKLY:
        first = rule.first_day + datetime.timedelta(
            days=(rule.weekday - rule.first_day.weekday()) % 7
        )
        count = max(0, (rule.last_day - first).days // 7 + 1)
        return [first + datetime.timedelta(weeks=n) for n in range(count)]
    found = []
    year, month = rule.first_day.year, rule.first_day.month
    while (year, month) <= (rule.last_day.year, rule.last_day.month):
        if rule.meets_in(month):
            day = nth_weekday(year, month, rule.weekday, rule.ordinal)
            if day is not None and rule.first_day <= day <= rule.last_day:
                found.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


def closed_reason(rule: Rule, day: datetime.date) -> str | None:
    """Why the rule does not meet on `day`: the year-end break, or a holiday it does not hold."""
    if rule.blackout is not None and rule.blackout.covers(day):
        return YEAR_END
    if rule.holiday_policy != HOLD:
        return holiday_name(day)
    return None


def meetings(rule: Rule) -> list[Meeting]:
    """Every day the rule names in its period, held, moved or skipped, in order of the named
    day. A moved meeting stays inside the period and never lands on another meeting's day."""
    named = nominal_days(rule)
    taken = set(named)
    found = []
    for nominal in named:
        reason = closed_reason(rule, nominal)
        if reason is None:
            found.append(Meeting(nominal, nominal, HELD))
            continue
        moved = None
        if reason != YEAR_END and rule.holiday_policy in (DAY_BEFORE, DAY_AFTER):
            step = datetime.timedelta(days=-1 if rule.holiday_policy == DAY_BEFORE else 1)
            candidate = nominal
            for _ in range(MAX_STEPS):
                candidate += step
                if closed_reason(rule, candidate) is None:
                    moved = candidate
                    break
            if moved is not None and (
                not rule.first_day <= moved <= rule.last_day or moved in taken
            ):
                moved = None
        if moved is None:
            found.append(Meeting(nominal, None, SKIPPED, reason))
        else:
            taken.add(moved)
            found.append(Meeting(nominal, moved, MOVED, reason))
    return found


def held_days(rule: Rule) -> list[datetime.date]:
    return [m.day for m in meetings(rule) if m.held]


def _months_text(months) -> str:
    # In the order of the 年度 (April first): 4・7・10・1月.
    ordered = sorted(months, key=lambda m: (m < 4, m))
    return "・".join(str(m) for m in ordered) + "月"


def day_words(rule: Rule) -> str:
    """毎月第3木曜日, 毎週水曜日, 隔月（奇数月）第2火曜日, 4・7・10・1月の最終金曜日."""
    weekday = f"{WEEKDAYS[rule.weekday]}曜日"
    if rule.frequency == WEEKLY:
        return f"毎週{weekday}"
    nth = "最終" if rule.ordinal == LAST else f"第{rule.ordinal}"
    if rule.frequency == MONTHLY:
        return f"毎月{nth}{weekday}"
    if rule.frequency == ODD_MONTHS:
        return f"隔月（奇数月）{nth}{weekday}"
    if rule.frequency == EVEN_MONTHS:
        return f"隔月（偶数月）{nth}{weekday}"
    return f"{_months_text(rule.months)}の{nth}{weekday}"


def rule_text(rule: Rule) -> str:
    """毎月第3木曜日 18:30〜20:30（祝日の場合は休会）."""
    hours = f"{rule.start_time:%H:%M}〜{rule.end_time:%H:%M}"
    return f"{day_words(rule)} {hours}（{POLICY_WORDS[rule.holiday_policy]}）"
