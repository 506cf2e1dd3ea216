"""The event domain: every rule about an event, written once.

- `windows`: Tokyo month ranges and the overlap rule (SQL and Python alike);
- `relations`: salons, projects, organisations and categories of a list, in flat queries;
- `presenter`: how an event reads (status, place, when, join link, dates), per language;
- `months`: events grouped into labelled months;
- `meeting_days`: the days a meeting rule (例会) gives, with 祝日 and 年末年始, and how it reads;
- `slugs`: new events' slugs from their date and title;
- `text`, `schema_org`: the event as plain text and as schema.org data for the feeds and pages.

The page model itself is `pages.models.EventPage`; its queryset's `listing(audience)` is the
entry point of every list; the arguments every list takes (GraphQL, feeds, embed) are
validated by `pages.event_filters`.
"""
