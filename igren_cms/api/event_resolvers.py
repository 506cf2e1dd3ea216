"""The events' root fields as plain functions: arguments in, public events out.

Arguments are validated by `pages.event_filters` (shared with the feeds and the embed);
visibility and relations come with `EventPage.objects.listing(audience)`. The types in
`events.py` only declare fields.
"""

from pages.event_filters import EventFilter, Grouping, month_groups
from pages.models import EventPage

from .context import audience, for_lookup
from .enums import stored
from .pagination import lookup, paginate, under

RENAMED = {"from": "date_from", "to": "date_to", "search_query": "search"}


def public_events(info, who=None):
    """Every event the audience (the request's) may see, as a listing (relations attached)."""
    return EventPage.objects.listing(who or audience(info))


def resolve_events(root, info, page=None, per_page=None, locale=None, fallback=None, **filters):
    who = audience(info, root, locale, fallback)
    event_filter = EventFilter(**{RENAMED.get(k, k): stored(v) for k, v in filters.items()})
    events = event_filter.apply(under(public_events(info, who), root), who)
    items, pagination = paginate(events, page, per_page)
    return {"items": items, "pagination": pagination}


def resolve_event(root, info, slug=None, id=None):
    return lookup(public_events(info, for_lookup(info, id)), slug, id, "event")


def resolve_event_months(
    root, info, month=None, months=None, limit=None, locale=None, fallback=None, **filters
):
    """The months from `month` (else this Tokyo month), each with its events; an event
    spanning two months is in both; at most `limit` events in all."""
    who = audience(info, root, locale, fallback)
    grouping = Grouping.of(months, limit)
    event_filter = EventFilter(month=month, months=grouping.months, **filters)
    return month_groups(public_events(info, who), event_filter, grouping, who)
