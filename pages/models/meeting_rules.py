"""A salon's or project's meeting rule (例会ルール), edited as a snippet that goes through the
approval workflow: when a 承認者 publishes it, its meetings become event pages
(`pages.meetings.occurrences`)."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from igren_cms.conf import year_end_blackout
from pages.admin_widgets import MinuteTimeInput
from pages.events import meeting_days as rules
from pages.events.presenter import WEEKDAYS, fiscal_year, fiscal_year_label, jp_date
from pages.events.windows import today_in_tokyo
from pages.visibility import audience_for

from .dates import is_event_fiscal_year
from .events import EventPage


def current_fiscal_year() -> int:
    return fiscal_year(today_in_tokyo())


def fiscal_year_choices(around: int | None = None) -> list[tuple[int, str]]:
    """The last, this and the next two 年度, as 令和8年度（2026年4月〜2027年3月）."""
    this = current_fiscal_year()
    years = sorted({*range(this - 1, this + 3), *([around] if around else [])})
    return [(y, f"{fiscal_year_label(y)}（{y}年4月〜{y + 1}年3月）") for y in years]


def parse_months(stored: str) -> list[int]:
    """The months of a rule as stored ("4,7,10,1")."""
    return [int(m) for m in stored.split(",") if m.strip().isascii() and m.strip().isdigit()]


class MonthsField(forms.TypedMultipleChoiceField):
    """Twelve checkboxes in 年度 order (4月 … 3月), stored as "4,7,10,1"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        months = [*range(4, 13), *range(1, 4)]
        super().__init__(
            choices=[(m, f"{m}月") for m in months], coerce=int, required=False, **kwargs
        )

    def prepare_value(self, value):
        return parse_months(value) if isinstance(value, str) else value


class MeetingRuleForm(WagtailAdminModelForm):
    months = MonthsField(label=pgettext_lazy("meeting rule", "months"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("fiscal_year")
        if field is not None:
            field.widget = forms.Select(choices=fiscal_year_choices(self.instance.fiscal_year))

    def clean_months(self):
        return ",".join(str(m) for m in self.cleaned_data.get("months") or [])


class MeetingRule(
    WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, PreviewableMixin, models.Model
):
    """The regular meetings of one salon or project for one 年度 (or a shorter period)."""

    class Frequency(models.TextChoices):
        MONTHLY = rules.MONTHLY, pgettext_lazy("meeting rule", "every month")
        ODD_MONTHS = (
            rules.ODD_MONTHS,
            pgettext_lazy("meeting rule", "every other month (odd months)"),
        )
        EVEN_MONTHS = (
            rules.EVEN_MONTHS,
            pgettext_lazy("meeting rule", "every other month (even months)"),
        )
        CHOSEN_MONTHS = rules.CHOSEN_MONTHS, pgettext_lazy("meeting rule", "chosen months")
        WEEKLY = rules.WEEKLY, pgettext_lazy("meeting rule", "every week")

    class HolidayPolicy(models.TextChoices):
        SKIP = rules.SKIP, pgettext_lazy("meeting rule", "no meeting on a holiday")
        DAY_BEFORE = rules.DAY_BEFORE, pgettext_lazy("meeting rule", "meet the day before")
        DAY_AFTER = rules.DAY_AFTER, pgettext_lazy("meeting rule", "meet the day after")
        HOLD = rules.HOLD, pgettext_lazy("meeting rule", "meet on holidays too")

    ORDINAL_CHOICES = [(n, f"第{n}") for n in (1, 2, 3, 4)] + [(rules.LAST, "最終")]
    WEEKDAY_CHOICES = [(n, f"{name}曜日") for n, name in enumerate(WEEKDAYS)]

    salon = models.ForeignKey(
        "igren_pages.SalonPage",
        verbose_name=pgettext_lazy("meeting rule", "salon"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="meeting_rules",
    )
    project = models.ForeignKey(
        "igren_pages.ProjectPage",
        verbose_name=pgettext_lazy("meeting rule", "project"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="meeting_rules",
    )
    frequency = models.CharField(
        pgettext_lazy("meeting rule", "frequency"),
        max_length=16,
        choices=Frequency.choices,
        default=Frequency.MONTHLY,
    )
    ordinal = models.SmallIntegerField(
        pgettext_lazy("meeting rule", "which week"),
        choices=ORDINAL_CHOICES,
        default=1,
        help_text=pgettext_lazy("meeting rule", "Not used for weekly meetings."),
    )
    weekday = models.SmallIntegerField(
        pgettext_lazy("meeting rule", "weekday"), choices=WEEKDAY_CHOICES, default=3
    )
    months = models.CharField(
        pgettext_lazy("meeting rule", "months"),
        max_length=40,
        blank=True,
        help_text=pgettext_lazy("meeting rule", "For 'chosen months' only."),
    )
    start_time = models.TimeField(
        pgettext_lazy("meeting rule", "start time"), default=datetime.time(18, 30)
    )
    end_time = models.TimeField(
        pgettext_lazy("meeting rule", "end time"), default=datetime.time(20, 30)
    )
    fiscal_year = models.PositiveSmallIntegerField(
        pgettext_lazy("meeting rule", "fiscal year"), default=current_fiscal_year
    )
    starts_on = models.DateField(
        pgettext_lazy("meeting rule", "first day"),
        null=True,
        blank=True,
        help_text=pgettext_lazy(
            "meeting rule", "Leave empty for the whole fiscal year (from 1 April)."
        ),
    )
    ends_on = models.DateField(
        pgettext_lazy("meeting rule", "last day"),
        null=True,
        blank=True,
        help_text=pgettext_lazy(
            "meeting rule", "Leave empty for the whole fiscal year (to 31 March)."
        ),
    )
    holiday_policy = models.CharField(
        pgettext_lazy("meeting rule", "on a national holiday"),
        max_length=12,
        choices=HolidayPolicy.choices,
        default=HolidayPolicy.SKIP,
    )
    skip_year_end = models.BooleanField(
        pgettext_lazy("meeting rule", "no meetings over the year-end break"),
        default=True,
        help_text=pgettext_lazy(
            "meeting rule", "年末年始 (12/29–1/3 unless the site sets other days)."
        ),
    )
    event_title = models.CharField(
        pgettext_lazy("meeting rule", "title of each meeting"),
        max_length=100,
        blank=True,
        help_text=pgettext_lazy("meeting rule", "Leave empty for 「(salon) 例会」."),
    )
    attendance_mode = models.CharField(
        pgettext_lazy("meeting rule", "attendance mode"),
        max_length=8,
        choices=EventPage.AttendanceMode.choices,
        default=EventPage.AttendanceMode.OFFLINE,
    )
    venue = models.ForeignKey(
        "igren_snippets.Venue",
        verbose_name=pgettext_lazy("meeting rule", "venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meeting_rules",
        help_text=pgettext_lazy("meeting rule", "Leave empty for the salon's usual venue."),
    )
    online_url = models.URLField(pgettext_lazy("meeting rule", "online URL"), blank=True)
    summary = models.TextField(pgettext_lazy("meeting rule", "summary"), blank=True, max_length=500)

    base_form_class = MeetingRuleForm
    panels = [
        FieldRowPanel(
            [
                FieldPanel("salon", widget=forms.Select),
                FieldPanel("project", widget=forms.Select),
            ],
            heading=pgettext_lazy("meeting rule", "Held by"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("frequency"),
                FieldRowPanel([FieldPanel("ordinal"), FieldPanel("weekday")]),
                FieldPanel("months"),
                FieldRowPanel(
                    [
                        FieldPanel("start_time", widget=MinuteTimeInput),
                        FieldPanel("end_time", widget=MinuteTimeInput),
                    ]
                ),
                FieldPanel("holiday_policy"),
                FieldPanel("skip_year_end"),
            ],
            heading=pgettext_lazy("meeting rule", "When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("fiscal_year"),
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
            ],
            heading=pgettext_lazy("meeting rule", "Period"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("event_title"),
                FieldPanel("attendance_mode"),
                FieldPanel("venue"),
                FieldPanel("online_url"),
                FieldPanel("summary"),
            ],
            heading=pgettext_lazy("meeting rule", "Each meeting"),
        ),
    ]

    class Meta:
        verbose_name = pgettext_lazy("meeting rule", "meeting rule")
        verbose_name_plural = pgettext_lazy("meeting rule", "meeting rules")
        ordering = ["-fiscal_year", "pk"]

    def __str__(self):
        host = self.host
        return f"{host.title if host else ''} {fiscal_year_label(self.fiscal_year)}：{self.text}"

    # -- the rule ----------------------------------------------------------------------------
    @property
    def host(self):
        """The salon or project page that meets."""
        if self.salon_id:
            return self.salon
        if self.project_id:
            return self.project
        return None

    @property
    def first_day(self) -> datetime.date:
        return self.starts_on or datetime.date(self.fiscal_year, 4, 1)

    @property
    def last_day(self) -> datetime.date:
        return self.ends_on or datetime.date(self.fiscal_year + 1, 3, 31)

    def month_list(self) -> tuple[int, ...]:
        return tuple(parse_months(self.months))

    def as_rule(self) -> rules.Rule:
        blackout = year_end_blackout() if self.skip_year_end else None
        return rules.Rule(
            frequency=self.frequency,
            weekday=self.weekday,
            ordinal=self.ordinal,
            months=self.month_list(),
            start_time=self.start_time,
            end_time=self.end_time,
            first_day=self.first_day,
            last_day=self.last_day,
            holiday_policy=self.holiday_policy,
            blackout=rules.Blackout(*blackout) if blackout else None,
        )

    @property
    def text(self) -> str:
        """毎月第3木曜日 18:30〜20:30（祝日の場合は休会）."""
        return rules.rule_text(self.as_rule())

    @property
    def period_label(self) -> str:
        return f"{jp_date(self.first_day)}〜{jp_date(self.last_day)}"

    def meetings(self) -> list[rules.Meeting]:
        return rules.meetings(self.as_rule())

    def clean(self):
        super().clean()
        errors = {}
        if bool(self.salon_id) == bool(self.project_id):
            errors["salon"] = pgettext_lazy(
                "meeting rule", "Choose either a salon or a project (one of them)."
            )
        if self.frequency == self.Frequency.CHOSEN_MONTHS and not self.month_list():
            errors["months"] = pgettext_lazy(
                "meeting rule", "Tick the months the meetings are held in."
            )
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = pgettext_lazy(
                "meeting rule", "The end time must be after the start time."
            )
        if not is_event_fiscal_year(self.fiscal_year or 0):
            errors["fiscal_year"] = pgettext_lazy(
                "meeting rule", "Choose a fiscal year from the list."
            )
        elif self.first_day > self.last_day:
            errors["ends_on"] = pgettext_lazy(
                "meeting rule", "The last day must not be before the first day."
            )
        elif self.starts_on or self.ends_on:
            first, last = (
                datetime.date(self.fiscal_year, 4, 1),
                datetime.date(self.fiscal_year + 1, 3, 31),
            )
            if not (first <= self.first_day and self.last_day <= last):
                errors["starts_on"] = pgettext_lazy(
                    "meeting rule", "The period must lie inside the fiscal year."
                )
        if self.attendance_mode != EventPage.AttendanceMode.OFFLINE and not self.online_url:
            errors["online_url"] = pgettext_lazy(
                "meeting rule", "Enter the online URL: these meetings take place online."
            )
        if (
            self.attendance_mode != EventPage.AttendanceMode.ONLINE
            and not self.venue_id
            and not (self.salon_id and self.salon.venue_id)
        ):
            errors["venue"] = pgettext_lazy(
                "meeting rule", "Choose a venue: the salon has no usual venue."
            )
        if errors:
            raise ValidationError(errors)

    # -- preview -----------------------------------------------------------------------------
    def get_preview_template(self, request, mode_name):
        return "igren_pages/admin/meeting_rule_preview.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        try:
            found = self.meetings()
        except (TypeError, ValueError):  # a half-filled form: nothing to list yet
            found = []
        context["rule"] = self
        try:
            context["rule_text"], context["period"] = self.text, self.period_label
        except (TypeError, ValueError, AttributeError):
            context["rule_text"], context["period"] = "", ""
        context["meetings"] = [
            {
                "meeting": meeting,
                "nominal": jp_date(meeting.nominal),
                "day": jp_date(meeting.day) if meeting.day else "",
            }
            for meeting in found
        ]
        context["held"] = sum(1 for meeting in found if meeting.held)
        return context


def load_meetings(hosts, audience) -> None:
    """The published rules, the coming meetings and the other coming events `audience` may see
    of every host in a list (salons or projects alike), in two queries for the whole list."""
    if not hosts:
        return
    field = hosts[0].meetings_field
    ids = [host.pk for host in hosts]
    rules_of = {pk: [] for pk in ids}
    meetings_of, others_of = {pk: [] for pk in ids}, {pk: [] for pk in ids}
    for rule in MeetingRule.objects.filter(live=True, **{f"{field}_id__in": ids}):
        rules_of[getattr(rule, f"{field}_id")].append(rule)
    coming = (
        EventPage.objects.listing(audience)
        .upcoming(audience.now)
        .filter(**{f"{field}_id__in": ids})
    )
    for event in coming:
        kept = meetings_of if event.meeting_rule_id else others_of
        kept[getattr(event, f"{field}_id")].append(event)
    for host in hosts:
        kept = (rules_of[host.pk], meetings_of[host.pk], others_of[host.pk])
        host._meetings = (audience.basis, *kept)


class MeetingHost:
    """A salon or project that may meet by rule. Its rule and meetings are loaded, on first
    use, for every page of the list it was loaded with (`loaded_with`)."""

    meetings_field: str  # the EventPage and MeetingRule field naming the host

    def _meeting_data(self, audience):
        kept = self.__dict__.get("_meetings")
        if kept is None or kept[0] is not audience.basis:
            load_meetings(self.loaded_with(), audience)
        return self._meetings

    def current_meeting_rule(self, audience):
        """The published rule in force today (Tokyo), else the next one to start; None when
        the host has no rule now or ahead (last 年度's rule is not this year's)."""
        today = today_in_tokyo(audience.now)
        rules_found = self._meeting_data(audience)[1]
        ahead = sorted(
            (rule for rule in rules_found if rule.last_day >= today),
            key=lambda rule: (rule.first_day, rule.pk),
        )
        return ahead[0] if ahead else None

    def next_meetings(self, audience, first: int) -> list:
        """The coming meetings by rule, soonest first."""
        return self._meeting_data(audience)[2][:first]

    def other_events(self, audience, first: int) -> list:
        """The host's coming events that are not meetings by rule, soonest first."""
        return self._meeting_data(audience)[3][:first]

    def meetings_context(self, request) -> dict:
        """The rule, the next twelve meetings (a monthly 年度) and the host's other coming
        events, for the served salon and project pages (as GraphQL's fields of these names)."""
        audience = audience_for(request)
        rule = self.current_meeting_rule(audience)
        return {
            "meeting_rule": rule,
            "meeting_rule_year": fiscal_year_label(rule.fiscal_year) if rule else "",
            "next_meetings": self.next_meetings(audience, 12),
            "other_events": self.other_events(audience, 10),
        }
