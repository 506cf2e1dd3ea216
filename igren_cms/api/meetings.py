"""Meeting rules (例会) in the contract: `meetingRule`, `nextMeetings` and `otherEvents` on Salon
and Project, from the model's own rule and meetings (pages.models.meeting_rules)."""

import graphene
from django.db.models import Q

from pages import inputs
from pages.events.presenter import fiscal_year_label
from pages.models import MeetingRule as MeetingRuleModel
from pages.models import ProjectPage, SalonPage

from .context import audience
from .enums import from_values
from .events import Event
from .nodes import Node, keyed, register_kind

MAX_MEETINGS = 50
DEFAULT_MEETINGS = 5

HolidayPolicy = from_values(
    "HolidayPolicy",
    MeetingRuleModel.HolidayPolicy.values,
    "What a meeting rule does when its day is a national holiday (祝日).",
)


def public_rules(audience):
    """Published rules of public salons and projects."""
    hosts = Q(salon__in=SalonPage.objects.visible_to(audience)) | Q(
        project__in=ProjectPage.objects.visible_to(audience)
    )
    return MeetingRuleModel.objects.filter(live=True).filter(hosts)


@register_kind(MeetingRuleModel, public_rules)
class MeetingRule(graphene.ObjectType):
    """How a salon or project meets, as its published rule says."""

    class Meta:
        interfaces = (Node,)

    resolve_id = keyed("MeetingRule")

    text = graphene.String(
        required=True,
        description="The rule in words: 毎月第3木曜日 18:30〜20:30（祝日の場合は休会）.",
    )
    holiday_policy = graphene.Field(
        HolidayPolicy, required=True, description="What happens on a national holiday."
    )
    fiscal_year = graphene.Int(required=True, description="The 年度 the rule is for (April start).")
    fiscal_year_label = graphene.String(required=True, description="The 年度 in words: 令和9年度.")
    first_day = graphene.Date(required=True, description="The first day of the rule's period.")
    last_day = graphene.Date(required=True, description="The last day of the rule's period.")

    resolve_text = staticmethod(lambda rule, info: rule.text)
    resolve_fiscal_year_label = staticmethod(lambda rule, info: fiscal_year_label(rule.fiscal_year))


def resolve_meeting_rule(host, info):
    return host.current_meeting_rule(audience(info))


def bounded_first(first) -> int:
    first = DEFAULT_MEETINGS if first is None else first
    if not 1 <= first <= MAX_MEETINGS:
        raise inputs.BadInput(f"first must be between 1 and {MAX_MEETINGS}.")
    return first


def resolve_next_meetings(host, info, first=DEFAULT_MEETINGS):
    return host.next_meetings(audience(info), bounded_first(first))


def resolve_other_events(host, info, first=DEFAULT_MEETINGS):
    return host.other_events(audience(info), bounded_first(first))


class MeetingFields:
    """The fields a salon and a project share (mixed into both types)."""

    meeting_rule = graphene.Field(
        MeetingRule,
        description="The published meeting rule in force now, else the next one; null when "
        "there is none.",
        resolver=resolve_meeting_rule,
    )
    next_meetings = graphene.List(
        graphene.NonNull(Event),
        required=True,
        first=graphene.Int(
            default_value=DEFAULT_MEETINGS, description=f"At most this many (1-{MAX_MEETINGS})."
        ),
        description="The coming meetings by rule (each an event), soonest first.",
        resolver=resolve_next_meetings,
    )
    other_events = graphene.List(
        graphene.NonNull(Event),
        required=True,
        first=graphene.Int(
            default_value=DEFAULT_MEETINGS, description=f"At most this many (1-{MAX_MEETINGS})."
        ),
        description="The coming events of this salon or project that are not meetings by rule "
        "(seminars, visits, …), soonest first: the served page's 今後のイベント. Loaded for the "
        "whole list with the meetings.",
        resolver=resolve_other_events,
    )
