"""The event types: `Event`, `EventList`, `EventMonth`, and the root fields `events`, `event`
and `eventMonths` (今月と来月のイベント and every other window), for frontends and the widget.

Types only declare fields; every value comes from the event domain (`pages.events`: the
presenter, relations, text and schema.org data) and the resolvers in `event_resolvers`.
"""

import graphene
from django.urls import reverse

from pages.events.presenter import month_label
from pages.events.schema_org import event_data, script_json
from pages.events.text import describe, speakers_of
from pages.events.windows import tokyo
from pages.models import EventPage
from pages.rich_text import expanded_body

from . import common, event_resolvers, images
from .context import audience, locale_args
from .enums import AttendanceMode, EventOrder, EventStatus, Language, stored
from .page_types import PAGE_INTERFACES, PageLink, register
from .pagination import Pagination
from .scalars import attr_or_none, or_none

WORDS_LANGUAGE = (
    "Language of the words. Default: the words that go with the event's own language (its "
    "`locale`): Japanese for Japanese events, English for the others."
)


class EventLink(PageLink):
    """A public salon or project that organises an event."""


class Event(graphene.ObjectType):
    """A public event. Instants are ISO 8601 in Asia/Tokyo (+09:00)."""

    class Meta:
        interfaces = PAGE_INTERFACES

    start = graphene.DateTime(required=True, description="Start, e.g. 2026-11-20T15:00:00+09:00.")
    end = graphene.DateTime(required=True, description="End, same form as start.")
    all_day = graphene.Boolean(
        required=True, description="True when only the dates of start and end matter."
    )
    status = graphene.Field(EventStatus, required=True, description="Whether it takes place.")
    previous_start = graphene.DateTime(description="Original start of a rescheduled event.")
    previous_when = graphene.String(
        lang=graphene.Argument(Language, description=WORDS_LANGUAGE),
        description="A rescheduled event's original time in words, as every Igren output "
        "writes it: 当初の予定: 2026年12月3日（木） 18:00; null for other events.",
    )
    summary = graphene.String(description="Short plain-text summary.")
    body = graphene.String(description="Body as HTML (links and images absolute); null when empty.")
    venue = graphene.Field(
        common.Venue, description="Venue, for in-person events (null for online-only ones)."
    )
    status_label = graphene.String(
        lang=graphene.Argument(Language, description=WORDS_LANGUAGE),
        description="中止, 延期 or 日程変更 (Cancelled, …); null when it takes place as announced.",
    )
    location = graphene.String(
        lang=graphene.Argument(Language, description=WORDS_LANGUAGE),
        description="Where, in words, as every Igren output shows it: 会場名, オンライン or "
        "会場名 ／ オンライン; null when no place is known.",
    )
    when = graphene.String(
        required=True,
        lang=graphene.Argument(Language, description=WORDS_LANGUAGE),
        era=graphene.Argument(
            graphene.Boolean,
            default_value=False,
            description="Japanese dates in 和暦: 令和8年12月5日（土）.",
        ),
        description="When, in words, in Tokyo time: 2026年12月5日（土） 15:00〜17:00; a national "
        "holiday is marked （月・祝）.",
    )
    holiday = graphene.String(
        description="The national holiday the event starts on (勤労感謝の日, 振替休日 …); null "
        "on other days."
    )
    fiscal_year = graphene.Int(
        required=True,
        description="The association's 年度 (April to March) the event starts in, in Tokyo: "
        "2026 for 2027-03-31.",
    )
    fiscal_year_label = graphene.String(required=True, description="The 年度 in words: 令和8年度.")
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
    speakers = graphene.List(
        graphene.NonNull(graphene.String),
        required=True,
        description="Who speaks or presents, one name (with affiliation) each, as the "
        "announcement writes them; JSON-LD's performer.",
    )
    resolve_speakers = staticmethod(lambda event, info: speakers_of(event.speakers))
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
    resolve_previous_start = staticmethod(
        lambda event, info: tokyo(event.presented().previous_start)
    )
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
            siblings = related(event, info).listing
            images.batches(info).register(image, lambda: [e.image for e in siblings])
        return image

    resolve_online_url = staticmethod(lambda event, info: event.presented().join_url)
    resolve_venue = staticmethod(lambda event, info: event.presented().venue)
    resolve_status_label = staticmethod(
        lambda event, info, lang=None: event.presented(stored(lang)).status_label or None
    )
    resolve_location = staticmethod(
        lambda event, info, lang=None: event.presented(stored(lang)).location or None
    )

    resolve_previous_when = staticmethod(
        lambda event, info, lang=None: event.presented(stored(lang)).previous_when or None
    )

    @staticmethod
    def resolve_when(event, info, lang=None, era=False):
        shown = event.presented(stored(lang))
        return shown.when_in_era if era else shown.when

    resolve_holiday = staticmethod(lambda event, info: event.presented().holiday)
    resolve_fiscal_year = staticmethod(lambda event, info: event.presented().fiscal_year)
    resolve_fiscal_year_label = staticmethod(
        lambda event, info: event.presented().fiscal_year_label
    )

    @staticmethod
    def resolve_ics_url(event, info):
        return info.context.build_absolute_uri(reverse("igren:event_ics", args=[event.pk]))

    @staticmethod
    def resolve_json_ld(event, info):
        text = describe(event, info.context)
        return script_json(event_data(event, text, info.context.build_absolute_uri("/")))

    @staticmethod
    def resolve_body(event, info):
        listing = related(event, info).listing
        return or_none(expanded_body(event, info.context, listing, absolute=True))


register(EventPage, loader=event_resolvers.public_events)(Event)


def related(event, info):
    return event.related(audience(info))


class EventList(graphene.ObjectType):
    """One page of events."""

    items = graphene.List(graphene.NonNull(Event), required=True, description="The events.")
    pagination = graphene.Field(Pagination, required=True, description="Paging information.")


class EventMonth(graphene.ObjectType):
    """One calendar month (Asia/Tokyo) and the events that overlap it."""

    month = graphene.String(required=True, description="The month as YYYY-MM, e.g. 2026-12.")
    label = graphene.String(
        required=True,
        lang=graphene.Argument(Language, default_value="ja", description="Language of the words."),
        description="The month in words: 2026年12月, or December 2026.",
    )
    events = graphene.List(
        graphene.NonNull(Event),
        required=True,
        description="The events overlapping the month, soonest first; one spanning two months "
        "is in both.",
    )

    resolve_month = staticmethod(lambda group, info: group.key)
    resolve_label = staticmethod(
        lambda group, info, lang="ja": month_label(group.month, stored(lang) or "ja")
    )
    resolve_events = staticmethod(lambda group, info: group.events)


def events_field(description):
    """`events` with its arguments: the root field, and the same list on an event index."""
    return graphene.Field(
        EventList,
        description=description,
        resolver=event_resolvers.resolve_events,
        args={
            "from": graphene.Date(description="First local date (inclusive, Asia/Tokyo)."),
            "to": graphene.Date(description="Last local date (inclusive, Asia/Tokyo)."),
            "month": graphene.String(description="First month of the window, YYYY-MM."),
            "fiscal_year": graphene.Int(
                description="Only events starting in this 年度 (April to March, Tokyo), e.g. "
                "2026 for 令和8年度."
            ),
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
            **locale_args(),
        },
    )


class EventQueries(graphene.ObjectType):
    events = events_field(
        "Public events. Without a window: upcoming (not yet ended), soonest first. "
        "Null (with an error) when an argument is wrong, so sibling fields keep their data."
    )
    event = graphene.Field(
        Event,
        slug=graphene.String(description="Event slug."),
        id=graphene.ID(description="Event page id."),
        description="One public event by slug or id; null when not found or not public.",
    )

    event_months = graphene.List(
        graphene.NonNull(EventMonth),
        description="Months of events, grouped and labelled, for a calendar or a partner widget "
        "(the embed page takes the same arguments with the same limits). Null (with an error) "
        "when an argument is wrong.",
        resolver=event_resolvers.resolve_event_months,
        args={
            "month": graphene.String(
                description="First month, YYYY-MM (default: this month in Tokyo)."
            ),
            "months": graphene.Int(description="How many months (1-12, default 2)."),
            "salon": graphene.String(description="Salon slug."),
            "project": graphene.String(description="Project slug."),
            "category": graphene.String(description="Category slug."),
            "limit": graphene.Int(
                description="At most this many events in all (1-100, default 10), soonest first."
            ),
            **locale_args(),
        },
    )

    resolve_event = staticmethod(event_resolvers.resolve_event)
