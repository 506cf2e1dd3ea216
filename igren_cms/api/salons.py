"""The salon types and the root fields `salons` and `salon` (each salon with its upcoming
events); the values come from `salon_resolvers`."""

import graphene

from pages.models import SalonPage
from pages.rich_text import public_html

from . import common, images, salon_resolvers
from .context import locale_args
from .enums import DatePrecision, SalonOrder
from .events import Event
from .meetings import MeetingFields
from .page_types import PAGE_INTERFACES, register
from .salon_resolvers import DEFAULT_UPCOMING, MAX_UPCOMING
from .scalars import attr_or_none, or_none


class Salon(MeetingFields, common.Reading, graphene.ObjectType):
    """A regional salon."""

    class Meta:
        interfaces = PAGE_INTERFACES

    feeds = graphene.Field(
        common.FeedLinks, required=True, description="The feeds of this salon's events."
    )
    resolve_feeds = common.feeds_of(salon=lambda page: page.slug)

    area_name = graphene.String(required=True, description="Area, e.g. 三浦半島.")
    city = graphene.String(required=True, description="City, e.g. 横須賀市.")
    venue = graphene.Field(common.Venue, description="Usual venue.")
    image = graphene.Field(images.Image, description="Illustration, when public.")
    opened_on = graphene.Date(description="Opening date (first day of the year/month if partial).")
    opened_precision = graphene.Field(
        DatePrecision, required=True, description="How much of openedOn is known."
    )
    opened_label = graphene.String(description="e.g. 2010年（平成22年）.")
    meeting_schedule = graphene.String(description="Meeting schedule in words.")
    summary = graphene.String(description="Short plain-text summary.")
    body = graphene.String(description="Body as HTML.")
    host_organisations = graphene.List(
        graphene.NonNull(common.Organisation), required=True, description="Hosts."
    )
    upcoming_events = graphene.List(
        graphene.NonNull(Event),
        required=True,
        limit=graphene.Int(
            default_value=DEFAULT_UPCOMING,
            description=f"At most this many (1-{MAX_UPCOMING}).",
        ),
        description="The salon's events that have not yet ended, soonest first.",
    )

    resolve_image = staticmethod(lambda salon, info: images.public_image(info, salon.image))
    resolve_opened_label = attr_or_none("opened_label")
    resolve_meeting_schedule = attr_or_none("meeting_schedule")
    resolve_summary = attr_or_none("summary")
    resolve_body = staticmethod(
        lambda salon, info: or_none(public_html(salon.body, info.context, absolute=True))
    )
    resolve_host_organisations = staticmethod(lambda salon, info: salon.host_organisations.all())

    resolve_upcoming_events = staticmethod(salon_resolvers.resolve_upcoming_events)


register(SalonPage, loader=salon_resolvers.public_salons)(Salon)


def salons_field(description):
    """`salons` with its argument: the root field, and the same list on the salon index."""
    return graphene.List(
        graphene.NonNull(Salon),
        order_by=SalonOrder(default_value="opening", description="The order of the list."),
        **locale_args(),
        description=description,
        resolver=salon_resolvers.resolve_salons,
    )


class SalonQueries(graphene.ObjectType):
    salons = salons_field("Every public salon, in order of opening (or by reading).")
    salon = graphene.Field(
        Salon,
        slug=graphene.String(description="Salon slug."),
        id=graphene.ID(description="Salon page id."),
        description="One public salon by slug or id; null when not found or not public.",
    )

    resolve_salon = staticmethod(salon_resolvers.resolve_salon)
