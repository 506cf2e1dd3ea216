"""`history`: the association's timeline with Japanese era dates."""

import graphene

from pages.models import HistoryPage
from pages.rich_text import public_html

from . import common
from .context import audience


class HistoryEntry(graphene.ObjectType):
    """One milestone; its date may be known only to the year or month."""

    date = graphene.Date(required=True, description="First day of the known period.")
    precision = graphene.String(required=True, description="year, month or day.")
    date_label = graphene.String(required=True, description="e.g. 2013年6月.")
    wareki = graphene.String(required=True, description="Japanese era date, e.g. 平成25年6月.")
    title = graphene.String(required=True, description="What happened.")
    body = graphene.String(description="Details as HTML.")

    resolve_body = staticmethod(lambda entry, info: public_html(entry.body, info.context))


class History(graphene.ObjectType):
    """The history page."""

    title = graphene.String(required=True, description="Page title.")
    url = graphene.String(description="Public URL of the history page.")
    introduction = graphene.String(description="Introduction as HTML.")
    entries = graphene.List(
        graphene.NonNull(HistoryEntry), required=True, description="Chronological order."
    )

    resolve_url = staticmethod(lambda page, info: common.page_url(page, info))
    resolve_introduction = staticmethod(
        lambda page, info: public_html(page.introduction, info.context)
    )
    resolve_entries = staticmethod(lambda page, info: page.timeline())


class HistoryQueries(graphene.ObjectType):
    history = graphene.Field(History, description="The history page, when published.")

    @staticmethod
    def resolve_history(root, info):
        return HistoryPage.objects.public(audience=audience(info)).first()
