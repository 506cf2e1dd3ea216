"""`history`: the association's timeline with Japanese era dates."""

import graphene

from pages.models import HistoryPage
from pages.models.history import HistoryEntry as HistoryEntryModel
from pages.rich_text import public_html

from .context import audience
from .enums import DatePrecision
from .nodes import Node, keyed, register_kind
from .page_types import PAGE_INTERFACES, register
from .scalars import or_none


@register_kind(
    HistoryEntryModel,
    lambda audience: HistoryEntryModel.objects.filter(
        page__in=HistoryPage.objects.visible_to(audience)
    ),
)
class HistoryEntry(graphene.ObjectType):
    """One milestone; its date may be known only to the year or month."""

    class Meta:
        interfaces = (Node,)

    resolve_id = keyed("HistoryEntry")
    anchor = graphene.String(
        required=True,
        description="The fragment that points at this entry on the history page (entry-9): "
        "`path` + '#' + anchor.",
    )
    resolve_anchor = staticmethod(lambda entry, info: entry.anchor)

    date = graphene.Date(required=True, description="First day of the known period.")
    precision = graphene.Field(
        DatePrecision, required=True, description="How much of the date is known."
    )
    date_label = graphene.String(required=True, description="e.g. 2013年6月.")
    wareki = graphene.String(description="Japanese era date, e.g. 平成25年6月.")
    title = graphene.String(required=True, description="What happened.")
    body = graphene.String(description="Details as HTML.")

    resolve_wareki = staticmethod(lambda entry, info: or_none(entry.wareki))
    resolve_body = staticmethod(
        lambda entry, info: or_none(public_html(entry.body, info.context, absolute=True))
    )


@register(HistoryPage)
class History(graphene.ObjectType):
    """The history page."""

    class Meta:
        interfaces = PAGE_INTERFACES

    introduction = graphene.String(description="Introduction as HTML.")
    entries = graphene.List(
        graphene.NonNull(HistoryEntry), required=True, description="Chronological order."
    )

    resolve_introduction = staticmethod(
        lambda page, info: or_none(public_html(page.introduction, info.context, absolute=True))
    )
    resolve_entries = staticmethod(lambda page, info: page.timeline())


class HistoryQueries(graphene.ObjectType):
    history = graphene.Field(History, description="The history page, when published.")

    @staticmethod
    def resolve_history(root, info):
        return HistoryPage.objects.visible_to(audience(info)).first()
