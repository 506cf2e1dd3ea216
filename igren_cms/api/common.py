"""Types shared by several domains: venues, organisations, categories, images."""

import graphene

from .context import audience
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


class Category(graphene.ObjectType):
    """A theme grouping events and projects."""

    name = graphene.String(required=True, description="Display name (Japanese).")
    slug = graphene.String(required=True, description="Stable identifier used in filters.")


class Image(graphene.ObjectType):
    """An image in a public collection."""

    title = graphene.String(required=True, description="Title, usable as alt text.")
    width = graphene.Int(required=True, description="Original width in pixels.")
    height = graphene.Int(required=True, description="Original height in pixels.")
    url = graphene.String(required=True, description="URL of the original file.")

    @staticmethod
    def resolve_url(image, info):
        return info.context.build_absolute_uri(image.file.url)


def public_image(info, image):
    """The image if its collection is public (needs image__collection loaded), else None."""
    if image is None or not audience(info).allows_collection(image.collection):
        return None
    return image


def _get(obj, name):
    """Organisations come as model instances (projects, salons) or dicts (event listings)."""
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name)
