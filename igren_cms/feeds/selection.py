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

from igren_cms.conf import content_languages, feed_setting
from pages import inputs, locales
from pages.event_filters import EventFilter, Grouping, InvalidFilter, UnknownSlug, month_groups
from pages.events.windows import today_in_tokyo
from pages.models import EventPage
from pages.visibility import Audience, audience_for

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

    def filters(self) -> dict:
        """The salon, project and category asked for (a subscription's filters)."""
        return {k: v for k in SLUG_PARAMETERS if (v := getattr(self, k))}

    def as_params(self) -> dict:
        """Every parameter given, as a feed's own address repeats them."""
        params = self.filters()
        if self.grouping is not None:
            params.update(months=self.grouping.months, limit=self.grouping.limit)
        if self.lang != "ja":
            params["lang"] = self.lang
        return params


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
    except inputs.BadInput:
        raise FeedRequestError(f"{name} must be a whole number such as 2, not {value!r}.") from None


def parse(params, *, embed: bool = False) -> FeedQuery:
    """Read salon/project/category (and for embeds months/limit/lang) from a QueryDict."""
    query = FeedQuery()
    for name in SLUG_PARAMETERS:
        value = _single(params, name)
        if value is not None:
            if not SLUG_RE.match(value):
                raise FeedRequestError(f"{name} must be a slug such as kawasaki.")
            setattr(query, name, value)
    # months, limit and lang mean the same, with the same limits and errors, in the embed, the
    # widget (GraphQL's eventMonths) and the feeds; a feed without them is not narrowed.
    months, limit = _integer(params, "months"), _integer(params, "limit")
    try:
        grouping = Grouping.of(months, limit)
    except InvalidFilter as exc:
        raise FeedRequestError(str(exc)) from None
    if embed or months is not None or limit is not None:
        query.grouping = grouping
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


def audience_of(request, query: FeedQuery) -> Audience:
    """The request's audience, its lists in the feed's language (`lang`, with fallback: an
    English feed carries every event, in English where translated)."""
    base = audience_for(request)
    if query.lang == locales.default_language() or query.lang not in content_languages():
        return base  # the generated words alone follow `lang`
    with _feed_errors():
        return base.in_locale(locales.choice(request, query.lang))


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
    if query.grouping is not None:  # months/limit given: the embed's window and count
        with _feed_errors():
            window = _filter(query, months=query.grouping.months)
            events = window.apply(events, audience)
        return list(events[: query.grouping.limit])
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
