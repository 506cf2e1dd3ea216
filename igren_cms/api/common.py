"""Types shared by several domains: venues, organisations, categories (images: images.py)."""

import graphene

from .enums import OrganisationKind
from .scalars import attr_or_none


class Venue(graphene.ObjectType):
    """Where an event or salon meets."""

    name = graphene.String(required=True, description="Venue name.")
    postal_code = graphene.String(description="Japanese postal code, e.g. 231-0015.")
    address = graphene.String(description="Street address.")
    full_address = graphene.String(description="〒 postal code and address on one line.")
    latitude = graphene.Float(description="WGS 84 latitude, when known.")
    longitude = graphene.Float(description="WGS 84 longitude, when known.")
    access_notes = graphene.String(description="How to get there.")

    resolve_postal_code = attr_or_none("postal_code")
    resolve_address = attr_or_none("address")
    resolve_full_address = attr_or_none("full_address")
    resolve_access_notes = attr_or_none("access_notes")


class Organisation(graphene.ObjectType):
    """A body that hosts, partners in or organises activities."""

    name = graphene.String(required=True, description="Organisation name.")
    kind = graphene.Field(OrganisationKind, required=True, description="What kind of body.")
    website = graphene.String(description="Website URL, when known.")

    resolve_website = staticmethod(lambda org, info: _get(org, "website") or None)


class Reading:
    """Fields of anything with a reading (mixed into Salon and Project)."""

    reading = graphene.String(description="The reading in hiragana: よこはまさろん.")
    gojuon_row = graphene.String(
        description="The 五十音 row of the reading's first kana: あ か さ た な は ま や ら わ."
    )

    resolve_reading = attr_or_none("reading")
    resolve_gojuon_row = attr_or_none("gojuon_row")


class Category(graphene.ObjectType):
    """A theme grouping events and projects."""

    name = graphene.String(required=True, description="Display name (Japanese).")
    slug = graphene.String(required=True, description="Stable identifier used in filters.")


def _get(obj, name):
    """Organisations come as model instances (projects, salons) or dicts (event listings)."""
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name)
