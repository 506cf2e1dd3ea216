"""Event filters shared by the GraphQL API and the feeds: parse, validate, apply.

Windows are computed in Asia/Tokyo. `month="2026-11", months=2` covers 2026-11-01 00:00 JST up to
(not including) 2027-01-01 00:00 JST; `date_from`/`date_to` are inclusive local dates. An event
overlapping a window boundary is in the window. With no window: events not yet ended.
Unknown slugs are errors (`InvalidFilter`), so a typo never looks like an empty calendar.
"""

import datetime
import re
from dataclasses import dataclass

from pages import inputs
from pages.events import windows
from pages.events.months import group_by_month
from pages.models import EventPage, ProjectPage, SalonPage
from pages.text_search import matching_pages
from pages.visibility import Audience
from snippets.models import Category

MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
MAX_MONTHS = 24
# Grouped months (the embed page, the widget through GraphQL's eventMonths): one set of limits.
MONTHS_DEFAULT = 2
MONTHS_MAX = 12
LIMIT_DEFAULT = 10
LIMIT_MAX = 100
ORDERS = {"start": ("start", "pk"), "-start": ("-start", "-pk")}


class InvalidFilter(inputs.BadInput):
    """A filter value a caller must correct; the message is safe to show to the public."""


class UnknownSlug(InvalidFilter):
    """A well-formed slug that names no public salon, project or category (feeds answer 404)."""


@dataclass
class EventFilter:
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    month: str | None = None
    months: int | None = None  # default 1; without month or from/to: from this Tokyo month
    salon: str | None = None
    project: str | None = None
    category: str | None = None
    status: str | None = None
    search: str | None = None
    order: str | None = None
    fiscal_year: int | None = None  # events starting in this 年度 (April to March)

    def window(self, now=None) -> windows.Window | None:
        """The window the filter asks for, or None (then: events not yet ended)."""
        months = self.month_list(now)
        if months:
            return months[0].span(months[-1])
        if self.date_from or self.date_to:
            first = inputs.calendar_date(self.date_from or inputs.EARLIEST, "from")
            last = inputs.calendar_date(self.date_to or inputs.LATEST, "to")
            if first > last:
                raise InvalidFilter("from must not be after to.")
            return windows.date_window(first, last)
        return None

    def fiscal_window(self) -> windows.Window:
        """1 April of `fiscal_year` to 1 April of the next year, in Tokyo."""
        if not 1900 <= self.fiscal_year <= 9000:
            raise InvalidFilter("fiscalYear must be between 1900 and 9000.")
        return windows.fiscal_year_window(self.fiscal_year)

    def month_list(self, now=None) -> list[windows.Month] | None:
        """The months of a month window (from this Tokyo month when `month` is not given);
        None when the filter names no months."""
        ranged = bool(self.date_from or self.date_to)
        if self.month is not None and ranged:
            raise InvalidFilter("Use either month or from/to, not both.")
        if self.months is not None:
            if ranged:
                raise InvalidFilter("months goes with month, not with from/to.")
            if not 1 <= self.months <= MAX_MONTHS:
                raise InvalidFilter(f"months must be between 1 and {MAX_MONTHS}.")
            if self.month is None:
                today = windows.today_in_tokyo(now)
                return windows.months_from(today.year, today.month, self.months)
        if self.month is None:
            return None
        match = MONTH_RE.match(self.month)
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise InvalidFilter(
                f"month must look like 2026-11 (YYYY-MM), not {inputs.echo(self.month)}."
            )
        year, month = int(match.group(1)), int(match.group(2))
        if not 1900 <= year <= 9000:
            raise InvalidFilter("month must be between 1900-01 and 9000-12.")
        return windows.months_from(year, month, self.months or 1)

    def apply(self, events, audience: Audience):
        """Narrow an already-public EventPage queryset; raises InvalidFilter on bad values."""
        for name in ("salon", "project", "category", "search", "month"):
            value = getattr(self, name)
            if value is not None:
                inputs.text(value, name)
        order = self.order or "start"
        if order not in ORDERS:
            raise InvalidFilter(f"order must be one of: {', '.join(ORDERS)}.")
        window = self.window(audience.now)
        if self.fiscal_year is not None:
            if window is not None:
                raise InvalidFilter("Use either fiscalYear or month/months/from/to, not both.")
            events = events.filter(self.fiscal_window().q_start()).order_by("start", "pk")
        elif window is not None:
            events = events.overlapping(window)
        else:
            events = events.upcoming(audience.now)
        if self.salon is not None:
            events = events.filter(salon=_by_slug(SalonPage, self.salon, "salon", audience))
        if self.project is not None:
            events = events.filter(project=_by_slug(ProjectPage, self.project, "project", audience))
        if self.category is not None:
            if not Category.objects.filter(slug=self.category).exists():
                raise UnknownSlug(f"Unknown category {inputs.echo(self.category)}.")
            events = events.filter(categories__slug=self.category)
        if self.status is not None:
            if self.status not in EventPage.Status.values:
                allowed = ", ".join(EventPage.Status.values)
                raise InvalidFilter(f"status must be one of: {allowed}.")
            events = events.filter(status=self.status)
        if self.search:
            events = matching_pages(events, self.search, "event")
        return events.order_by(*ORDERS[order])


def _by_slug(model, slug, label, audience):
    """The public page with this slug, or InvalidFilter (a hidden page is as unknown as a typo)."""
    page = audience.filter(model.objects.filter(slug=slug)).only("pk").first()
    if page is None:
        raise UnknownSlug(f"Unknown {label} {inputs.echo(slug)}.")
    return page


@dataclass
class Grouping:
    """How many months an embed shows and how many events at most: the widget (through
    GraphQL's `eventMonths`) and the embed page take the same values with the same errors."""

    months: int = MONTHS_DEFAULT
    limit: int = LIMIT_DEFAULT

    @classmethod
    def of(cls, months: int | None, limit: int | None) -> "Grouping":
        found = cls(
            MONTHS_DEFAULT if months is None else months, LIMIT_DEFAULT if limit is None else limit
        )
        if not 1 <= found.months <= MONTHS_MAX:
            raise InvalidFilter(f"months must be a whole number from 1 to {MONTHS_MAX}.")
        if not 1 <= found.limit <= LIMIT_MAX:
            raise InvalidFilter(f"limit must be a whole number from 1 to {LIMIT_MAX}.")
        return found


def month_groups(events, event_filter: EventFilter, grouping: Grouping, audience, lang="ja"):
    """The first `grouping.limit` events of the filter's months, grouped by month and
    labelled (`pages.events.months`); `events` is a listing queryset."""
    months = event_filter.month_list(audience.now)
    chosen = list(event_filter.apply(events, audience)[: grouping.limit])
    return group_by_month(chosen, months, lang)
