"""A published meeting rule's meetings as event pages, each with its own URL and status.

`sync(rule)` runs when a 承認者 publishes the rule (the whole 年度 is approved in that one
step). It creates a live event page for each meeting still to come, with a slug from its date
(never a clash); on a later publish it updates, adds or removes the meetings the rule now gives,
but never touches a meeting that has passed or that an editor has changed (a revision by a
person, or a status other than 予定通り: cancelled, postponed, rescheduled).
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from wagtail.signals import published

from pages.events import meeting_days as rules
from pages.events.presenter import jp_date
from pages.events.slugs import date_slug
from pages.events.windows import TOKYO
from pages.models import EventIndexPage, EventPage, MeetingRule

MOVED_NOTE = "{holiday}のため、{nominal}から{direction}に変更しています。"


@dataclass
class SyncResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    removed: list = field(default_factory=list)
    kept: list = field(default_factory=list)  # passed or edited: left as they are


def default_title(rule) -> str:
    host = rule.host
    return rule.event_title or f"{host.title} 例会"


def event_index_for(host):
    """The events section of the host's site (the home page both sit under)."""
    home = host.get_ancestors().filter(depth=2).first()
    found = EventIndexPage.objects.descendant_of(home).first() if home else None
    return found or EventIndexPage.objects.first()


def is_protected(page, now) -> bool:
    """A meeting a rule may no longer change: it has passed, or a person has changed it."""
    if page.start <= now or page.status != EventPage.Status.SCHEDULED:
        return True
    return page.revisions.exclude(user=None).exists()


def _values(rule, meeting: rules.Meeting) -> dict:
    start = datetime.datetime.combine(meeting.day, rule.start_time, tzinfo=TOKYO)
    end = datetime.datetime.combine(meeting.day, rule.end_time, tzinfo=TOKYO)
    online = rule.attendance_mode != EventPage.AttendanceMode.OFFLINE
    in_person = rule.attendance_mode != EventPage.AttendanceMode.ONLINE
    venue_id = rule.venue_id or (rule.salon.venue_id if rule.salon_id else None)
    summary = rule.summary
    if meeting.outcome == rules.MOVED:
        note = MOVED_NOTE.format(
            holiday=meeting.reason,
            nominal=jp_date(meeting.nominal),
            direction="前日" if meeting.day < meeting.nominal else "翌日",
        )
        summary = f"{summary}\n{note}".strip() if summary else note
    return {
        "title": default_title(rule),
        "start": start,
        "end": end,
        "all_day": False,
        "attendance_mode": rule.attendance_mode,
        "venue_id": venue_id if in_person else None,
        "online_url": rule.online_url if online else "",
        "salon_id": rule.salon_id,
        "project_id": rule.project_id,
        "summary": summary[:500],
    }


def _publish(page):
    page.save_revision(user=None, log_action=True).publish(user=None)


@transaction.atomic
def sync(rule, now=None) -> SyncResult:
    """Make the rule's event pages match its meetings (see the module docstring)."""
    now = now or timezone.now()
    result = SyncResult()
    held = {m.nominal: m for m in rule.meetings() if m.held}
    existing = {page.meeting_date: page for page in EventPage.objects.filter(meeting_rule=rule)}
    parent = None
    for nominal, page in existing.items():
        if is_protected(page, now):
            result.kept.append(page)
            continue
        meeting = held.get(nominal)
        if meeting is None:
            page.delete()
            result.removed.append(nominal)
            continue
        values = _values(rule, meeting)
        if any(getattr(page, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(page, name, value)
            _publish(page)
            result.updated.append(page)
    for nominal, meeting in held.items():
        if nominal in existing:
            continue
        values = _values(rule, meeting)
        if values["start"] <= now:
            continue  # a rule published late does not announce meetings already past
        parent = parent or event_index_for(rule.host)
        page = EventPage(
            slug=date_slug(parent, meeting.day, values["title"]),
            meeting_rule=rule,
            meeting_date=nominal,
            **values,
        )
        parent.add_child(instance=page)
        _publish(page)
        result.created.append(page)
    return result


def on_published(sender, instance, **kwargs):
    sync(instance)


def connect():
    published.connect(on_published, sender=MeetingRule, dispatch_uid="igren_meeting_rules")
