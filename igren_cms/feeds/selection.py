"""Which events a feed or embed shows: query parameters in, public events out.

Visibility comes from `EventPage.objects.listing(audience)` and the filters from
`pages.event_filters`,
shared with the GraphQL API. A malformed parameter is a 400, a well-formed slug that names
nothing public is a 404; both carry a plain message.
"""

import datetime
import re
from contextlib import contextmanager
from dataclasses import dataclass

from django.db.models import Q

from igren_cms.conf import feed_setting
from pages import inputs
from pages.event_filters import EventFilter, Grouping, InvalidFilter, UnknownSlug, month_groups
from pages.events.windows import today_in_tokyo
from pages.models import EventPage
from pages.visibility import Audience

SLUG_RE = re.compile(r"^[-\w]{1,255}$")
SLUG_PARAMETERS = ("salon", "project", "category")


class FeedRequestError(Exception):
    """A request a feed cannot answer; `status` is 400 or 404, the message is public."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


@dataclass
class FeedQuery:
    salon: str | None = None
    project: str | None = None
    category: str | None = None
    grouping: Grouping | None = None
    lang: str = "ja"

    def as_params(self) -> dict:
        return {k: v for k in SLUG_PARAMETERS if (v := getattr(self, k))}


def _single(params, name):
    values = params.getlist(name)
    if not values:
        return None
    if len(values) > 1:
        raise FeedRequestError(f"Give {name} at most once.")
    return values[0].strip()


def _integer(params, name):
    """A whole number, or None; its range is checked by `Grouping` (the API's limits)."""
    value = _single(params, name)
    if value is None:
        return None
    try:
        return inputs.whole_number(value, name, 0, 2**31 - 1)
    except inputs.BadInput as exc:
        raise FeedRequestError(str(exc)) from None


def parse(params, *, embed: bool = False) -> FeedQuery:
    """Read salon/project/category (and for embeds months/limit/lang) from a QueryDict."""
    query = FeedQuery()
    for name in SLUG_PARAMETERS:
        value = _single(params, name)
        if value is not None:
            if not SLUG_RE.match(value):
                raise FeedRequestError(f"{name} must be a slug such as kawasaki.")
            setattr(query, name, value)
    if embed:
        try:
            query.grouping = Grouping.of(_integer(params, "months"), _integer(params, "limit"))
        except InvalidFilter as exc:
            raise FeedRequestError(str(exc)) from None
        lang = _single(params, "lang") or "ja"
        if lang not in ("ja", "en"):
            raise FeedRequestError("lang must be ja or en.")
        query.lang = lang
    return query


@contextmanager
def _feed_errors():
    """The filters' errors as feed errors: an unknown slug is a 404, a bad value a 400."""
    try:
        yield
    except UnknownSlug as exc:
        raise FeedRequestError(str(exc), status=404) from None
    except inputs.BadInput as exc:
        raise FeedRequestError(str(exc)) from None


def _filter(query: FeedQuery, **window) -> EventFilter:
    return EventFilter(salon=query.salon, project=query.project, category=query.category, **window)


def feed_events(query: FeedQuery, audience: Audience) -> list:
    """Recent past and every upcoming event; cancelled ones only within their grace period."""
    since = today_in_tokyo(audience.now) - datetime.timedelta(days=feed_setting("PAST_DAYS"))
    grace = audience.now - datetime.timedelta(days=feed_setting("CANCELLED_GRACE_DAYS"))
    with _feed_errors():
        events = _filter(query, date_from=since).apply(
            EventPage.objects.listing(audience), audience
        )
    events = events.exclude(Q(status=EventPage.Status.CANCELLED) & Q(last_published_at__lt=grace))
    return list(events[: feed_setting("MAX_ITEMS")])


def embed_months(query: FeedQuery, audience: Audience) -> list:
    """This month and the next `months - 1` months in Tokyo, at most `limit` events, grouped
    by month (`pages.event_filters.month_groups`, as GraphQL's `eventMonths`)."""
    with _feed_errors():
        return month_groups(
            EventPage.objects.listing(audience),
            _filter(query, months=query.grouping.months),
            query.grouping,
            audience,
            query.lang,
        )
