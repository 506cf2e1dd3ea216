"""`home`: who the association is and how to reach it."""

import graphene

from pages.models import HomePage
from pages.rich_text import public_html

from . import common
from .context import audience


class Home(graphene.ObjectType):
    """The site's home page."""

    title = graphene.String(required=True, description="Page title.")
    url = graphene.String(description="Public URL of the home page.")
    association_name = graphene.String(required=True, description="Full name.")
    short_name = graphene.String(description="Short name, e.g. イグレン.")
    tagline = graphene.String(description="One-line tagline.")
    introduction = graphene.String(description="Introduction as HTML.")
    contact_postal_code = graphene.String(description="Contact postal code.")
    contact_address = graphene.String(description="Contact address.")
    contact_phone = graphene.String(description="Contact telephone.")
    contact_email = graphene.String(description="Contact e-mail.")

    resolve_url = staticmethod(lambda page, info: common.page_url(page, info))
    resolve_introduction = staticmethod(
        lambda page, info: public_html(page.introduction, info.context)
    )


class HomeQueries(graphene.ObjectType):
    home = graphene.Field(Home, description="The home page, when published.")

    @staticmethod
    def resolve_home(root, info):
        return HomePage.objects.public(audience=audience(info)).first()
