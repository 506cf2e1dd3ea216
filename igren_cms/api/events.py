"""`events` and `event`: 今月と来月のイベント and every other window, for frontends."""

import graphene
from django.urls import reverse

from igren_cms.feeds.describe import describe
from igren_cms.feeds.jsonld import event_data, script_json
from pages import event_relations, inputs
from pages.event_filters import EventFilter
from pages.models import EventPage
from pages.presenters import present
from pages.rich_text import expanded_body

from . import common, images
from .context import audience
from .enums import AttendanceMode, EventOrder, EventStatus, Language, stored
from .page_types import Page, PageLink, register
from .pagination import Pagination, paginate
from .scalars import attr_or_none, or_none, tokyo


class EventLink(PageLink):
    """A public salon or project that organises an event."""


class Event(graphene.ObjectType):
    """A public event. Instants are ISO 8601 in Asia/Tokyo (+09:00)."""

    class Meta:
        interfaces = (Page,)

    start = graphene.DateTime(required=True, description="Start, e.g. 2026-11-20T15:00:00+09:00.")
    end = graphene.DateTime(required=True, description="End, same form as start.")
    all_day = graphene.Boolean(
        required=True, description="True when only the dates of start and end matter."
    )
    status = graphene.Field(EventStatus, required=True, description="Whether it takes place.")
    previous_start = graphene.DateTime(description="Original start of a rescheduled event.")
    summary = graphene.String(description="Short plain-text summary.")
    body = graphene.String(description="Body as HTML (links and images absolute); null when empty.")
    venue = graphene.Field(
        common.Venue, description="Venue, for in-person events (null for online-only ones)."
    )
    status_label = graphene.String(
        lang=graphene.Argument(Language, default_value="ja", description="Language of the words."),
        description="中止, 延期 or 日程変更 (Cancelled, …); null when it takes place as announced.",
    )
    location = graphene.String(
        lang=graphene.Argument(Language, default_value="ja", description="Language of the words."),
        description="Where, in words, as every Igren output shows it: 会場名, オンライン or "
        "会場名 ／ オンライン; null when no place is known.",
    )
    when = graphene.String(
        required=True,
        lang=graphene.Argument(Language, default_value="ja", description="Language of the words."),
        description="When, in words, in Tokyo time: 2026年12月5日（土） 15:00〜17:00.",
    )
    online_url = graphene.String(
        description="Where to join, for online events; null for in-person and cancelled events."
    )
    attendance_mode = graphene.Field(
        AttendanceMode, required=True, description="In person, online or both."
    )
    salon = graphene.Field(EventLink, description="Organising salon, when public.")
    project = graphene.Field(EventLink, description="Organising project, when public.")
    organisations = graphene.List(
        graphene.NonNull(common.Organisation), required=True, description="Organisations."
    )
    categories = graphene.List(
        graphene.NonNull(common.Category), required=True, description="Categories."
    )
    fee = graphene.String(description="Fee as text, e.g. 無料 or 1,000円.")
    capacity = graphene.Int(description="Number of places, when limited.")
    registration_url = graphene.String(description="Where to register.")
    registration_deadline = graphene.DateTime(description="Registration deadline.")
    image = graphene.Field(images.Image, description="Illustration, when public.")
    ics_url = graphene.String(
        required=True, description="This event alone as an iCalendar file, for 'add to calendar'."
    )
    json_ld = graphene.String(
        required=True,
        description="schema.org Event as JSON-LD: a JSON string, safe to put inside <script>.",
    )

    resolve_start = staticmethod(lambda event, info: tokyo(event.start))
    resolve_end = staticmethod(lambda event, info: tokyo(event.end))
    resolve_previous_start = staticmethod(lambda event, info: tokyo(event.previous_start))
    resolve_registration_deadline = staticmethod(
        lambda event, info: tokyo(event.registration_deadline)
    )
    resolve_summary = attr_or_none("summary")
    resolve_fee = attr_or_none("fee")
    resolve_registration_url = attr_or_none("registration_url")
    resolve_salon = staticmethod(lambda event, info: related(event, info).salon)
    resolve_project = staticmethod(lambda event, info: related(event, info).project)
    resolve_organisations = staticmethod(lambda event, info: related(event, info).organisations)
    resolve_categories = staticmethod(lambda event, info: related(event, info).categories)

    @staticmethod
    def resolve_image(event, info):
        image = images.public_image(info, event.image)
        if image is not None:
            relations = getattr(event, "relations", None)  # set by event_relations.attach
            siblings = relations.listing if relations is not None else [event]
            images.batches(info).register(image, lambda: [e.image for e in siblings])
        return image

    resolve_online_url = staticmethod(lambda event, info: event.join_url)
    resolve_venue = staticmethod(lambda event, info: present(event).venue)
    resolve_status_label = staticmethod(
        lambda event, info, lang="ja": present(event, stored(lang)).status_label or None
    )
    resolve_location = staticmethod(
        lambda event, info, lang="ja": present(event, stored(lang)).location or None
    )
    resolve_when = staticmethod(lambda event, info, lang="ja": present(event, stored(lang)).when)

    @staticmethod
    def resolve_ics_url(event, info):
        return info.context.build_absolute_uri(reverse("igren:event_ics", args=[event.pk]))

    @staticmethod
    def resolve_json_ld(event, info):
        related(event, info)
        text = describe(event, info.context)
        return script_json(event_data(event, text, info.context.build_absolute_uri("/")))

    @staticmethod
    def resolve_body(event, info):
        listing = related(event, info).listing
        return or_none(expanded_body(event, info.context, listing, absolute=True))


register(EventPage, loader=lambda info: public_events(info))(Event)


def related(event, info):
    return event_relations.relations_of(event, audience(info))


class EventList(graphene.ObjectType):
    """One page of events."""

    items = graphene.List(graphene.NonNull(Event), required=True, description="The events.")
    pagination = graphene.Field(Pagination, required=True, description="Paging information.")


def public_events(info):
    return EventPage.objects.public(audience=audience(info)).for_listing()


def resolve_events(root, info, page=None, per_page=None, **filters):
    renamed = {"from": "date_from", "to": "date_to", "search_query": "search"}
    event_filter = EventFilter(**{renamed.get(k, k): stored(v) for k, v in filters.items()})
    events = event_filter.apply(public_events(info), audience(info))
    items, pagination = paginate(events, page, per_page)
    return EventList(items=event_relations.attach(items, audience(info)), pagination=pagination)


def lookup(queryset, slug, id, label):
    """One public page by slug or id; null when there is none (or it is not public)."""
    if (slug is None) == (id is None):
        raise inputs.BadInput(f"Give exactly one of slug or id to look up a {label}.")
    if id is not None:
        return queryset.filter(pk=inputs.whole_number(id, "id", 1, 2**63 - 1)).first()
    return queryset.filter(slug=inputs.text(slug, "slug")).first()


class EventQueries(graphene.ObjectType):
    events = graphene.Field(
        EventList,
        description="Public events. Without a window: upcoming (not yet ended), soonest first. "
        "Null (with an error) when an argument is wrong, so sibling fields keep their data.",
        resolver=resolve_events,
        args={
            "from": graphene.Date(description="First local date (inclusive, Asia/Tokyo)."),
            "to": graphene.Date(description="Last local date (inclusive, Asia/Tokyo)."),
            "month": graphene.String(description="First month of the window, YYYY-MM."),
            "months": graphene.Int(
                description="Months in the window (1-24, default 1), from `month` or else from "
                "the current month in Tokyo."
            ),
            "salon": graphene.String(description="Salon slug."),
            "project": graphene.String(description="Project slug."),
            "category": graphene.String(description="Category slug."),
            "status": EventStatus(description="Only events with this status."),
            "search_query": graphene.String(
                description="Words that must all appear (Japanese-aware, see `search`)."
            ),
            "order": EventOrder(description="Default START_ASC."),
            "page": graphene.Int(description="Page number, from 1."),
            "per_page": graphene.Int(description="Items per page, 1-100 (default 20)."),
        },
    )
    event = graphene.Field(
        Event,
        slug=graphene.String(description="Event slug."),
        id=graphene.ID(description="Event page id."),
        description="One public event by slug or id; null when not found or not public.",
    )

    @staticmethod
    def resolve_event(root, info, slug=None, id=None):
        return lookup(public_events(info), slug, id, "event")
