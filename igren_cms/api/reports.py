"""`activityReport(fiscalYear:)`: the 活動報告 of a 年度 as the public may see it, from the same
rules as the admin's report (pages.activity_report)."""

import graphene

from pages import activity_report, inputs
from pages.models import EventPage
from pages.models.dates import is_event_fiscal_year

from .context import audience
from .enums import from_values
from .events import Event

ReportGroupKind = from_values(
    "ReportGroupKind", activity_report.KINDS, "What an activity report's group gathers."
)


class ReportGroup(graphene.ObjectType):
    """The events of one salon, project or category in the 年度."""

    kind = graphene.Field(ReportGroupKind, required=True, description="Salon, project or category.")
    name = graphene.String(required=True, description="The salon's, project's or category's name.")
    count = graphene.Int(required=True, description="How many events the group holds.")
    events = graphene.List(
        graphene.NonNull(Event), required=True, description="Its events, in order of start."
    )


class ActivityReport(graphene.ObjectType):
    """Every public event held in a 年度 (cancelled ones left out; postponed ones counted with
    status POSTPONED), by salon, project and category."""

    fiscal_year = graphene.Int(required=True, description="The 年度 (April to March).")
    label = graphene.String(required=True, description="The 年度 in words: 令和7年度.")
    total = graphene.Int(required=True, description="Events held, each counted once.")
    groups = graphene.List(
        graphene.NonNull(ReportGroup),
        required=True,
        description="Salons first, then projects, then categories; an event may be in several.",
    )


def resolve_activity_report(root, info, fiscal_year):
    if not is_event_fiscal_year(fiscal_year):
        raise inputs.BadInput("fiscalYear must be a year from 1980 to ten years ahead.")
    who = audience(info)
    events = activity_report.held_in(EventPage.objects.listing(who), fiscal_year)
    return activity_report.build(fiscal_year, events, activity_report.public_parts(who))


class ReportQueries(graphene.ObjectType):
    activity_report = graphene.Field(
        ActivityReport,
        required=True,
        fiscal_year=graphene.Int(required=True, description="The 年度: 2026 for 令和8年度."),
        description="The activity report (活動報告) of a 年度, for the general meeting.",
        resolver=resolve_activity_report,
    )
