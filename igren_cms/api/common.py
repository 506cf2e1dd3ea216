"""Types shared by several domains: venues, organisations, categories (images: images.py)."""

import graphene

from pages.feed_links import feed_links
from pages.locales import language_of
from pages.models import EventPage, ProjectPage, SalonPage
from snippets.models import Category as CategoryModel
from snippets.models import Organisation as OrganisationModel
from snippets.models import Venue as VenueModel

from .enums import OrganisationKind
from .nodes import Node, keyed, register_kind
from .scalars import attr_or_none

LOCALE_DESCRIPTION = (
    "The language this version is written in, a BCP 47 code (ja, en). An English page names "
    "the English version of a venue, organisation or category where there is one."
)


def _locale(obj, info):
    return language_of(_get(obj, "locale_id"), info.context)


# The pages through which each kind of snippet reaches the public (see Audience.used_by_public).
VENUE_USES = ((EventPage, "venue"), (SalonPage, "venue"))
ORGANISATION_USES = (
    (EventPage, "organisations"),
    (SalonPage, "host_organisations"),
    (ProjectPage, "partner_organisations"),
)
CATEGORY_USES = ((EventPage, "categories"), (ProjectPage, "categories"))


@register_kind(VenueModel, lambda audience: audience.used_by_public(VenueModel.objects, VENUE_USES))
class Venue(graphene.ObjectType):
    """Where an event or salon meets."""

    class Meta:
        interfaces = (Node,)

    resolve_id = keyed("Venue")

    name = graphene.String(required=True, description="Venue name.")
    postal_code = graphene.String(description="Japanese postal code, e.g. 231-0015.")
    address = graphene.String(description="Street address.")
    full_address = graphene.String(description="〒 postal code and address on one line.")
    latitude = graphene.Float(description="WGS 84 latitude, when known.")
    longitude = graphene.Float(description="WGS 84 longitude, when known.")
    access_notes = graphene.String(description="How to get there.")
    locale = graphene.String(required=True, description=LOCALE_DESCRIPTION)
    resolve_locale = staticmethod(_locale)

    resolve_postal_code = attr_or_none("postal_code")
    resolve_address = attr_or_none("address")
    resolve_full_address = attr_or_none("full_address")
    resolve_access_notes = attr_or_none("access_notes")


@register_kind(
    OrganisationModel,
    lambda audience: audience.used_by_public(OrganisationModel.objects, ORGANISATION_USES),
)
class Organisation(graphene.ObjectType):
    """A body that hosts, partners in or organises activities."""

    class Meta:
        interfaces = (Node,)

    resolve_id = keyed("Organisation")

    name = graphene.String(required=True, description="Organisation name.")
    kind = graphene.Field(OrganisationKind, required=True, description="What kind of body.")
    website = graphene.String(description="Website URL, when known.")
    locale = graphene.String(required=True, description=LOCALE_DESCRIPTION)
    resolve_locale = staticmethod(_locale)

    resolve_website = staticmethod(lambda org, info: _get(org, "website") or None)


class Reading:
    """Fields of anything with a reading (mixed into Salon and Project)."""

    reading = graphene.String(description="The reading in hiragana: よこはまさろん.")
    gojuon_row = graphene.String(
        description="The 五十音 row of the reading's first kana: あ か さ た な は ま や ら わ."
    )

    resolve_reading = attr_or_none("reading")
    resolve_gojuon_row = attr_or_none("gojuon_row")


@register_kind(
    CategoryModel, lambda audience: audience.used_by_public(CategoryModel.objects, CATEGORY_USES)
)
class Category(graphene.ObjectType):
    """A theme grouping events and projects."""

    class Meta:
        interfaces = (Node,)

    resolve_id = keyed("Category")

    name = graphene.String(required=True, description="Display name, in the language of `locale`.")
    slug = graphene.String(required=True, description="Stable identifier used in filters.")
    locale = graphene.String(required=True, description=LOCALE_DESCRIPTION)
    resolve_locale = staticmethod(_locale)


def _get(obj, name):
    """Organisations come as model instances (projects, salons) or dicts (event listings)."""
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name)


class FeedLinks(graphene.ObjectType):
    """The event feeds of a section, salon or project, for <link rel=alternate> and a subscribe
    button (the same filters as the served site's links)."""

    ics = graphene.String(required=True, description="iCalendar (https://), for 'add by URL'.")
    webcal = graphene.String(
        required=True, description="The same calendar as webcal://, which opens calendar apps."
    )
    rss = graphene.String(required=True, description="RSS 2.0.")
    atom = graphene.String(required=True, description="Atom.")
    json = graphene.String(required=True, description="JSON Feed 1.1.")


def feeds_of(**params):
    """A `feeds` resolver: the feed links with these filters (a value is a callable of the
    page, e.g. the salon's slug)."""

    def resolve(page, info):
        return feed_links(info.context, **{k: get(page) for k, get in params.items()})

    return staticmethod(resolve)
