"""Types shared by several domains: venues, organisations, categories, images, page links."""

import graphene

from pages.page_urls import absolute_url

from .context import audience


class Venue(graphene.ObjectType):
    """Where an event or salon meets."""

    name = graphene.String(required=True, description="Venue name.")
    postal_code = graphene.String(description="Japanese postal code, e.g. 231-0015.")
    address = graphene.String(description="Street address.")
    full_address = graphene.String(description="〒 postal code and address on one line.")
    latitude = graphene.Float(description="WGS 84 latitude, when known.")
    longitude = graphene.Float(description="WGS 84 longitude, when known.")
    access_notes = graphene.String(description="How to get there.")


class Organisation(graphene.ObjectType):
    """A body that hosts, partners in or organises activities."""

    name = graphene.String(required=True, description="Organisation name.")
    kind = graphene.String(
        required=True,
        description="member_group, university, municipality, company or public_body.",
    )
    website = graphene.String(description="Website URL, when known.")


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


class PageLink(graphene.ObjectType):
    """A short reference to another public page."""

    id = graphene.ID(required=True, description="Page id.")
    title = graphene.String(required=True, description="Page title.")
    slug = graphene.String(required=True, description="Page slug.")
    url = graphene.String(description="Public URL of the page.")

    resolve_url = staticmethod(lambda page, info: page_url(page, info))


def public_image(info, image):
    """The image if its collection is public (needs image__collection loaded), else None."""
    if image is None or not audience(info).allows_collection(image.collection):
        return None
    return image


def page_url(page, info):
    """Absolute URL of a page (see pages.page_urls)."""
    return absolute_url(page, info.context)
