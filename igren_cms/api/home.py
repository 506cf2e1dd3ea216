"""`home`: who the association is and how to reach it."""

import graphene

from pages.models import HomePage
from pages.rich_text import public_html

from .context import audience
from .page_types import PAGE_INTERFACES, register
from .scalars import attr_or_none, or_none


@register(HomePage)
class Home(graphene.ObjectType):
    """The site's home page."""

    class Meta:
        interfaces = PAGE_INTERFACES

    association_name = graphene.String(required=True, description="Full name.")
    short_name = graphene.String(description="Short name, e.g. イグレン.")
    tagline = graphene.String(description="One-line tagline.")
    introduction = graphene.String(description="Introduction as HTML.")
    contact_postal_code = graphene.String(description="Contact postal code.")
    contact_address = graphene.String(description="Contact address.")
    contact_phone = graphene.String(description="Contact telephone.")
    contact_email = graphene.String(description="Contact e-mail.")

    resolve_short_name = attr_or_none("short_name")
    resolve_tagline = attr_or_none("tagline")
    resolve_contact_postal_code = attr_or_none("contact_postal_code")
    resolve_contact_address = attr_or_none("contact_address")
    resolve_contact_phone = attr_or_none("contact_phone")
    resolve_contact_email = attr_or_none("contact_email")
    resolve_introduction = staticmethod(
        lambda page, info: or_none(public_html(page.introduction, info.context, absolute=True))
    )


class HomeQueries(graphene.ObjectType):
    home = graphene.Field(Home, description="The home page, when published.")

    @staticmethod
    def resolve_home(root, info):
        return HomePage.objects.visible_to(audience(info)).first()
