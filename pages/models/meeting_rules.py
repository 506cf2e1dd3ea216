"""A salon's or project's meeting rule (例会ルール), edited as a snippet that goes through the
approval workflow: when a 承認者 publishes it, its meetings become event pages
(`pages.meetings.occurrences`)."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
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
from pages.events import meeting_days as rules
from pages.events.presenter import WEEKDAYS, fiscal_year, fiscal_year_label, jp_date
from pages.events.windows import today_in_tokyo
from pages.visibility import audience_for

from .events import EventPage


def current_fiscal_year() -> int:
    return fiscal_year(today_in_tokyo())


def fiscal_year_choices(around: int | None = None) -> list[tuple[int, str]]:
    """The last, this and the next two 年度, as 令和8年度（2026年4月〜2027年3月）."""
    this = current_fiscal_year()
    years = sorted({*range(this - 1, this + 3), *([around] if around else [])})
    return [(y, f"{fiscal_year_label(y)}（{y}年4月〜{y + 1}年3月）") for y in years]


class MonthsField(forms.TypedMultipleChoiceField):
    """Twelve checkboxes in 年度 order (4月 … 3月), stored as "4,7,10,1"."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        months = [*range(4, 13), *range(1, 4)]
        super().__init__(
            choices=[(m, f"{m}月") for m in months], coerce=int, required=False, **kwargs
        )

    def prepare_value(self, value):
        if isinstance(value, str):
            return [int(m) for m in value.split(",") if m.strip().isascii() and m.strip().isdigit()]
        return value


class MeetingRuleForm(WagtailAdminModelForm):
    months = MonthsField(label=_("months"))

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
        MONTHLY = rules.MONTHLY, _("every month")
        ODD_MONTHS = rules.ODD_MONTHS, _("every other month (odd months)")
        EVEN_MONTHS = rules.EVEN_MONTHS, _("every other month (even months)")
        CHOSEN_MONTHS = rules.CHOSEN_MONTHS, _("chosen months")
        WEEKLY = rules.WEEKLY, _("every week")

    class HolidayPolicy(models.TextChoices):
        SKIP = rules.SKIP, _("no meeting on a holiday")
        DAY_BEFORE = rules.DAY_BEFORE, _("meet the day before")
        DAY_AFTER = rules.DAY_AFTER, _("meet the day after")
        HOLD = rules.HOLD, _("meet on holidays too")

    ORDINAL_CHOICES = [(n, f"第{n}") for n in (1, 2, 3, 4)] + [(rules.LAST, "最終")]
    WEEKDAY_CHOICES = [(n, f"{name}曜日") for n, name in enumerate(WEEKDAYS)]

    salon = models.ForeignKey(
        "igren_pages.SalonPage",
        verbose_name=_("salon"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="meeting_rules",
    )
    project = models.ForeignKey(
        "igren_pages.ProjectPage",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="meeting_rules",
    )
    frequency = models.CharField(
        _("frequency"), max_length=16, choices=Frequency.choices, default=Frequency.MONTHLY
    )
    ordinal = models.SmallIntegerField(
        _("which week"),
        choices=ORDINAL_CHOICES,
        default=1,
        help_text=_("Not used for weekly meetings."),
    )
    weekday = models.SmallIntegerField(_("weekday"), choices=WEEKDAY_CHOICES, default=3)
    months = models.CharField(
        _("months"),
        max_length=40,
        blank=True,
        help_text=_("For 'chosen months' only."),
    )
    start_time = models.TimeField(_("start time"), default=datetime.time(18, 30))
    end_time = models.TimeField(_("end time"), default=datetime.time(20, 30))
    fiscal_year = models.PositiveSmallIntegerField(
        pgettext_lazy("meeting rule", "fiscal year"), default=current_fiscal_year
    )
    starts_on = models.DateField(
        _("first day"),
        null=True,
        blank=True,
        help_text=_("Leave empty for the whole fiscal year (from 1 April)."),
    )
    ends_on = models.DateField(
        _("last day"),
        null=True,
        blank=True,
        help_text=_("Leave empty for the whole fiscal year (to 31 March)."),
    )
    holiday_policy = models.CharField(
        _("on a national holiday"),
        max_length=12,
        choices=HolidayPolicy.choices,
        default=HolidayPolicy.SKIP,
    )
    skip_year_end = models.BooleanField(
        _("no meetings over the year-end break"),
        default=True,
        help_text=_("年末年始 (12/29–1/3 unless the site sets other days)."),
    )
    event_title = models.CharField(
        _("title of each meeting"),
        max_length=100,
        blank=True,
        help_text=_("Leave empty for 「(salon) 例会」."),
    )
    attendance_mode = models.CharField(
        _("attendance mode"),
        max_length=8,
        choices=EventPage.AttendanceMode.choices,
        default=EventPage.AttendanceMode.OFFLINE,
    )
    venue = models.ForeignKey(
        "igren_snippets.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meeting_rules",
        help_text=_("Leave empty for the salon's usual venue."),
    )
    online_url = models.URLField(_("online URL"), blank=True)
    summary = models.TextField(_("summary"), blank=True, max_length=500)

    base_form_class = MeetingRuleForm
    panels = [
        FieldRowPanel([FieldPanel("salon"), FieldPanel("project")], heading=_("Held by")),
        MultiFieldPanel(
            [
                FieldPanel("frequency"),
                FieldRowPanel([FieldPanel("ordinal"), FieldPanel("weekday")]),
                FieldPanel("months"),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("holiday_policy"),
                FieldPanel("skip_year_end"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("fiscal_year"),
                FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
            ],
            heading=_("Period"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("event_title"),
                FieldPanel("attendance_mode"),
                FieldPanel("venue"),
                FieldPanel("online_url"),
                FieldPanel("summary"),
            ],
            heading=_("Each meeting"),
        ),
    ]

    class Meta:
        verbose_name = _("meeting rule")
        verbose_name_plural = _("meeting rules")
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
        return tuple(int(m) for m in self.months.split(",") if m.strip().isdigit())

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
            errors["salon"] = _("Choose either a salon or a project (one of them).")
        if self.frequency == self.Frequency.CHOSEN_MONTHS and not self.month_list():
            errors["months"] = _("Tick the months the meetings are held in.")
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("The end time must be after the start time.")
        if not 1980 <= (self.fiscal_year or 0) <= today_in_tokyo().year + 10:
            errors["fiscal_year"] = _("Choose a fiscal year from the list.")
        elif self.first_day > self.last_day:
            errors["ends_on"] = _("The last day must not be before the first day.")
        elif self.starts_on or self.ends_on:
            first, last = (
                datetime.date(self.fiscal_year, 4, 1),
                datetime.date(self.fiscal_year + 1, 3, 31),
            )
            if not (first <= self.first_day and self.last_day <= last):
                errors["starts_on"] = _("The period must lie inside the fiscal year.")
        if self.attendance_mode != EventPage.AttendanceMode.OFFLINE and not self.online_url:
            errors["online_url"] = _("Enter the online URL: these meetings take place online.")
        if (
            self.attendance_mode != EventPage.AttendanceMode.ONLINE
            and not self.venue_id
            and not (self.salon_id and self.salon.venue_id)
        ):
            errors["venue"] = _("Choose a venue: the salon has no usual venue.")
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


class MeetingHostQuerySet:
    """For the querysets of salons and projects: `with_meetings(audience)` attaches each one's
    published rules and its coming meetings `audience` may see, for the whole list in two
    queries."""

    def with_meetings(self, audience):
        coming = (
            EventPage.objects.listing(audience)
            .upcoming(audience.now)
            .filter(meeting_rule__isnull=False)
        )
        return self.prefetch_related(
            Prefetch(
                "meeting_rules",
                queryset=MeetingRule.objects.filter(live=True),
                to_attr="live_rules",
            ),
            Prefetch("events", queryset=coming, to_attr="coming_meetings"),
        )


class MeetingHost:
    """A salon or project that may meet by rule."""

    def current_meeting_rule(self, today: datetime.date | None = None):
        """The published rule in force today, else the next one to start; None when the host
        has no rule now or ahead (last 年度's rule is not this year's)."""
        today = today or today_in_tokyo()
        found = self.__dict__.get("live_rules")
        if found is None:
            found = list(self.meeting_rules.filter(live=True))
        ahead = sorted(
            (rule for rule in found if rule.last_day >= today), key=lambda r: (r.first_day, r.pk)
        )
        return ahead[0] if ahead else None

    def meetings_context(self, request) -> dict:
        """The rule and the next five meetings, for the served salon and project pages."""
        audience = audience_for(request)
        rule = self.current_meeting_rule(today_in_tokyo(audience.now))
        return {
            "meeting_rule": rule,
            "meeting_rule_year": fiscal_year_label(rule.fiscal_year) if rule else "",
            "next_meetings": self.next_meetings(audience, 5),
        }

    def next_meetings(self, audience, first: int) -> list:
        found = self.__dict__.get("coming_meetings")
        if found is None:
            found = list(
                EventPage.objects.listing(audience)
                .upcoming(audience.now)
                .filter(**{self.meetings_field: self, "meeting_rule__isnull": False})
            )
        return found[:first]
