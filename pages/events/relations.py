"""The relations of a list of events (organisations, categories, salon, project) in flat queries.

Listing outputs (the API, feeds, the embed) show many events at once. Prefetching through the
ParentalManyToMany fields builds a model instance per event and related row, which costs more
than the rest of a request; here each relation is one `values()` query over the whole list, and
the salons and projects are loaded in one query and judged by the caller's `Audience`.

A listing queryset (`EventPage.objects.listed_for(audience)`) evaluates through
`ListingIterable`, which loads the relations of everything it yields at once, as Wagtail's
`SpecificIterable` loads specific pages: no caller pairs a query with a second call. Each event
then answers `event.related(audience)` with an `EventRelations`:
- `organisations`: dicts with name, kind, website, locale_id (in name order);
- `categories`: dicts with name, slug, locale_id (in name order);
- `salon`, `project`: the public page, or None when unset or not public;
- `listing`: the list loaded together (for batching work such as `rich_text.expanded_body`).
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import F
from django.db.models.query import ModelIterable
from wagtail.models import Page

from pages.visibility import Audience

LINKED_PAGE_FIELDS = (
    "id",
    "title",
    "slug",
    "live",
    "go_live_at",
    "expire_at",
    "path",
    "url_path",
    "locale_id",
)


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
    named["object_id"] = F(f"{target}__pk")  # the key the API gives out (Organisation:5)
    query = (
        through.objects.filter(eventpage_id__in=event_ids)
        .order_by(f"{target}__name", f"{target}__pk")
        .values("eventpage_id", **named)
    )
    for row in query:
        rows[row.pop("eventpage_id")].append(row)
    return rows


def load(events, audience: Audience) -> dict[int, EventRelations]:
    """The relations of `events` (EventPage instances), by event id, in four flat queries."""
    events = list(events)
    if not events:
        return {}
    model = type(events[0])
    ids = [event.pk for event in events]
    organisations = _rows_by_event(
        model.organisations.through, ids, "organisation", ("name", "kind", "website", "locale_id")
    )
    categories = _rows_by_event(
        model.categories.through, ids, "category", ("name", "slug", "locale_id")
    )
    # One small query for the few distinct salons and projects. Joining them into the listing
    # query instead (annotations) cost PostgreSQL ~9 ms of planning per request (make bench).
    linked_ids = ({e.salon_id for e in events} | {e.project_id for e in events}) - {None}
    pages = {}
    if linked_ids:
        pages = {p.pk: p for p in Page.objects.filter(pk__in=linked_ids).only(*LINKED_PAGE_FIELDS)}
    linked = {pk: audience.visible(page) for pk, page in pages.items()}
    return {
        event.pk: EventRelations(
            organisations=organisations.get(event.pk, []),
            categories=categories.get(event.pk, []),
            salon=linked.get(event.salon_id),
            project=linked.get(event.project_id),
            listing=events,
        )
        for event in events
    }


def attach(events, audience: Audience) -> list:
    """Load the relations of a list of events loaded some other way (a search's hits)."""
    events = list(events)
    found = load(events, audience)
    for event in events:
        event.keep_relations(audience, found[event.pk])
    return events


def from_editor(event, audience: Audience) -> EventRelations:
    """An event's relations as they stand in the editor (unsaved choices included): previews."""
    return EventRelations(
        organisations=[
            {
                "object_id": o.pk,
                "name": o.name,
                "kind": o.kind,
                "website": o.website,
                "locale_id": o.locale_id,
            }
            for o in event.organisations.all()
        ],
        categories=[
            {"object_id": c.pk, "name": c.name, "slug": c.slug, "locale_id": c.locale_id}
            for c in event.categories.all()
        ],
        salon=audience.visible(event.salon) if event.salon_id else None,
        project=audience.visible(event.project) if event.project_id else None,
        listing=[event],
    )


class ListingIterable(ModelIterable):
    """Yields the events of a listing queryset with their relations loaded, all at once."""

    def __iter__(self):
        yield from attach(super().__iter__(), self.queryset.listing_audience)
