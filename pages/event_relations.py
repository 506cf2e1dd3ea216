"""The relations of a list of events (organisations, categories, salon, project) in flat queries.

Listing outputs (the API, feeds, the embed) show many events at once. Prefetching through the
ParentalManyToMany fields builds a model instance per event and related row, which costs more
than the rest of a request; here each relation is one `values()` query over the whole list, and
the salons and projects are loaded in one query and judged by the caller's `Audience`.

`attach(events, audience)` sets `event.relations` on each event, with:
- `organisations`: dicts with name, kind, website (in name order);
- `categories`: dicts with name, slug (in name order);
- `salon`, `project`: the public page, or None when unset or not public;
- `listing`: the list loaded together (for batching work such as `rich_text.expanded_body`).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import F
from wagtail.models import Page

from .visibility import Audience

LINKED_PAGE_FIELDS = ("id", "title", "slug", "live", "go_live_at", "expire_at", "path", "url_path")


@dataclass
class EventRelations:
    organisations: list[dict] = field(default_factory=list)
    categories: list[dict] = field(default_factory=list)
    salon: Page | None = None
    project: Page | None = None
    listing: list = field(default_factory=list, repr=False)  # the events loaded together


def _rows_by_event(through, event_ids, target, columns):
    rows = defaultdict(list)
    named = {name: F(f"{target}__{name}") for name in columns}
    query = (
        through.objects.filter(eventpage_id__in=event_ids)
        .order_by(f"{target}__name", f"{target}__pk")
        .values("eventpage_id", **named)
    )
    for row in query:
        rows[row.pop("eventpage_id")].append(row)
    return rows


def attach(events, audience: Audience):
    """Load the relations of `events` (a list of EventPage) and set `.relations` on each."""
    from .models import EventPage

    events = list(events)
    if not events:
        return events
    ids = [event.pk for event in events]
    organisations = _rows_by_event(
        EventPage.organisations.through, ids, "organisation", ("name", "kind", "website")
    )
    categories = _rows_by_event(EventPage.categories.through, ids, "category", ("name", "slug"))
    # One small query for the few distinct salons and projects. Joining them into the listing
    # query instead (annotations) cost PostgreSQL ~9 ms of planning per request (make bench).
    linked_ids = ({e.salon_id for e in events} | {e.project_id for e in events}) - {None}
    pages = {}
    if linked_ids:
        pages = {p.pk: p for p in Page.objects.filter(pk__in=linked_ids).only(*LINKED_PAGE_FIELDS)}
    linked = {pk: audience.visible(page) for pk, page in pages.items()}
    for event in events:
        event.relations = EventRelations(
            organisations=organisations.get(event.pk, []),
            categories=categories.get(event.pk, []),
            salon=linked.get(event.salon_id),
            project=linked.get(event.project_id),
            listing=events,
        )
    return events


def relations_of(event, audience: Audience) -> EventRelations:
    """`event.relations`, loading them for this one event when no list loaded them."""
    if getattr(event, "relations", None) is None:
        attach([event], audience)
    return event.relations
