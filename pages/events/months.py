"""Events grouped by month, labelled: 今月と来月 on the events page, the embed page, the
widget (through GraphQL's `eventMonths`) and the admin dashboard."""

from dataclasses import dataclass, field

from .presenter import month_label
from .windows import Month


@dataclass
class MonthGroup:
    """One month and the events that overlap it, in start order."""

    month: Month
    label: str
    events: list = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.month.key


def group_by_month(events, months: list[Month], lang: str = "ja") -> list[MonthGroup]:
    """Each month with the events that overlap it (`Month.contains`); an event spanning two
    months is in both."""
    events = list(events)
    return [
        MonthGroup(month, month_label(month, lang), [e for e in events if month.contains(e)])
        for month in months
    ]
