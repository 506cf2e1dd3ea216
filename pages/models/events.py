import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import PageManager
from wagtail.search import index

from pages.admin_widgets import MinuteDateTimeInput
from pages.event_form import EventPageForm
from pages.events import relations, windows
from pages.events.months import MonthGroup, group_by_month
from pages.events.presenter import EventPresentation, words_for
from pages.locales import language_of
from pages.visibility import Audience, GatedPageQuerySet, audience_for

from .base import IgrenPage
from .calendar_sequence import CalendarSequenceMixin
from .dates import EVENT_FIRST, EVENT_YEARS_AHEAD, format_partial_date, years_ahead


class EventQuerySet(GatedPageQuerySet):
    listing_audience: Audience | None = None

    def _clone(self):
        clone = super()._clone()
        clone.listing_audience = self.listing_audience
        return clone

    def overlapping(self, window: windows.Window):
        """Events that overlap the window (the rule is `Window.q`)."""
        return self.filter(window.q())

    def upcoming(self, now=None):
        """Events that have not yet ended, soonest first."""
        return self.filter(end__gt=now or timezone.now()).order_by("start", "pk")

    def listing(self, audience: Audience):
        """The events `audience` may see, for a list: venue and image joined, and when the
        queryset is evaluated, the relations of everything it yields loaded together in flat
        queries (`pages.events.relations`).

        Organisations, categories and the salon and project pages are one query each for the
        whole list: joining the pages here made PostgreSQL plan for longer than the query ran.
        """
        clone = self.visible_to(audience).select_related("venue", "image__collection")
        clone.listing_audience = audience
        clone._iterable_class = relations.ListingIterable
        return clone

    def in_months(self, months: list[windows.Month], lang: str = "ja") -> list[MonthGroup]:
        """The events overlapping each month, grouped and labelled (an event spanning two
        months is in both); one query for all the months."""
        span = months[0].span(months[-1])
        return group_by_month(self.overlapping(span).order_by("start", "pk"), months, lang)


class EventPage(CalendarSequenceMixin, IgrenPage):
    """One event: a salon meeting, seminar, visit or any gathering the association announces."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", pgettext_lazy("event status", "scheduled")
        CANCELLED = "cancelled", _("cancelled")
        POSTPONED = "postponed", _("postponed")
        RESCHEDULED = "rescheduled", _("rescheduled")

    class AttendanceMode(models.TextChoices):
        OFFLINE = "offline", _("in person")
        ONLINE = "online", _("online")
        MIXED = "mixed", _("in person and online")

    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_("Tick for events without set hours; only the dates of start and end are used."),
    )
    status = models.CharField(
        pgettext_lazy("event", "status"),
        max_length=12,
        choices=Status.choices,
        default=Status.SCHEDULED,
    )
    previous_start = models.DateTimeField(
        _("previous start"),
        null=True,
        blank=True,
        help_text=_("For a rescheduled event: when it was originally going to start."),
    )
    attendance_mode = models.CharField(
        _("attendance mode"),
        max_length=8,
        choices=AttendanceMode.choices,
        default=AttendanceMode.OFFLINE,
    )
    venue = models.ForeignKey(
        "igren_snippets.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
    )
    online_url = models.URLField(_("online URL"), blank=True)
    salon = models.ForeignKey(
        "igren_pages.SalonPage",
        verbose_name=_("salon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    project = models.ForeignKey(
        "igren_pages.ProjectPage",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    organisations = ParentalManyToManyField(
        "igren_snippets.Organisation",
        verbose_name=_("organisations"),
        blank=True,
        related_name="events",
    )
    categories = ParentalManyToManyField(
        "igren_snippets.Category", verbose_name=_("categories"), blank=True, related_name="events"
    )
    summary = models.TextField(_("summary"), blank=True, max_length=500)
    body = RichTextField(_("body"), blank=True)
    fee = models.CharField(
        _("fee"),
        max_length=100,
        blank=True,
        help_text=_("As it should read, e.g. 無料 or 1,000円."),
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    speakers = models.CharField(
        _("speakers"),
        max_length=300,
        blank=True,
        help_text=_(
            "Who speaks or presents, as the announcement names them: 山田太郎（株式会社〇〇）. "
            "Separate several with 、"
        ),
    )
    registration_url = models.URLField(_("registration URL"), blank=True)
    registration_deadline = models.DateTimeField(_("registration deadline"), null=True, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    meeting_rule = models.ForeignKey(
        "igren_pages.MeetingRule",
        verbose_name=_("meeting rule"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="occurrences",
    )
    meeting_date = models.DateField(
        _("day named by the meeting rule"), null=True, blank=True, editable=False
    )

    objects = PageManager.from_queryset(EventQuerySet)()
    base_form_class = EventPageForm

    content_panels = [
        *IgrenPage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("start", widget=MinuteDateTimeInput),
                        FieldPanel("end", widget=MinuteDateTimeInput),
                    ]
                ),
                FieldPanel("all_day"),
                FieldRowPanel(
                    [
                        FieldPanel("status"),
                        FieldPanel("previous_start", widget=MinuteDateTimeInput),
                    ]
                ),
                FieldPanel("announce_reschedule"),
            ],
            heading=_("Date and status"),
        ),
        MultiFieldPanel(
            [FieldPanel("attendance_mode"), FieldPanel("venue"), FieldPanel("online_url")],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("salon"),
                FieldPanel("project"),
                FieldPanel("organisations", widget=forms.CheckboxSelectMultiple),
                FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Organisers and categories"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("speakers"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("fee"), FieldPanel("capacity")]),
                FieldPanel("registration_url"),
                FieldPanel("registration_deadline", widget=MinuteDateTimeInput),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("image"),
    ]
    search_fields = [
        *IgrenPage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("status"),
    ]

    parent_page_types = ["igren_pages.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        # Every public list asks for events that end after a moment (upcoming, a month window,
        # a feed's 90 days back): with this index a 100,000-event archive reads only those.
        indexes = [models.Index(fields=["end"], name="igren_event_end")]

    def clean(self):
        super().clean()
        errors = {}
        last = years_ahead(EVENT_YEARS_AHEAD)
        for name in ("start", "end", "previous_start", "registration_deadline"):
            value = getattr(self, name)
            if value is None:
                continue
            try:
                day = value.astimezone(windows.TOKYO).date()
            except (OverflowError, ValueError):  # 9999-12-31 23:00 UTC is past year 9999 in Tokyo
                day = None
            if day is None or not EVENT_FIRST <= day <= last:
                errors[name] = _("Enter a date from %(first)s to %(last)s.") % {
                    "first": format_partial_date(EVENT_FIRST, "day"),
                    "last": format_partial_date(last, "day"),
                }
        if errors:
            raise ValidationError(errors)
        if self.all_day and self.start and self.end:
            self._normalise_all_day()
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The end must not be before the start.")
        if self.start and self.registration_deadline and self.registration_deadline > self.start:
            errors["registration_deadline"] = _(
                "The registration deadline must not be after the event starts."
            )
        online = self.attendance_mode in (self.AttendanceMode.ONLINE, self.AttendanceMode.MIXED)
        offline = self.attendance_mode in (self.AttendanceMode.OFFLINE, self.AttendanceMode.MIXED)
        if online and not self.online_url:
            errors["online_url"] = _("Enter the online URL: this event takes place online.")
        if offline and not self.venue_id:
            errors["venue"] = _("Choose a venue: this event takes place in person.")
        if self.status == self.Status.RESCHEDULED and not self.previous_start:
            errors["previous_start"] = _("Enter the original start time of a rescheduled event.")
        if errors:
            raise ValidationError(errors)

    def _normalise_all_day(self):
        """All-day events span whole local days: 00:00 on the first day to 23:59:59 on the last."""
        first = self.start.astimezone(windows.TOKYO).date()
        last = self.end.astimezone(windows.TOKYO).date()
        self.start = windows.local_midnight(first)
        self.end = windows.local_midnight(last + datetime.timedelta(days=1)) - (
            datetime.timedelta(seconds=1)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Public salon/project, organisations and categories, judged once for the whole page
        # (the JSON-LD tag reuses them).
        audience = audience_for(request)
        context["relations"] = self.related(audience)
        # The event's image, unless its collection is restricted (then no rendition is made).
        image = self.image
        context["event_image"] = (
            image if image is not None and audience.allows_collection(image.collection) else None
        )
        return context

    def presented(self, lang: str | None = None) -> EventPresentation:
        """How every output shows this event in `lang` (pages.events.presenter), kept per
        language for the life of this instance. Without `lang`, in the words that go with the
        event's own language (an English event says Cancelled)."""
        if lang is None:
            lang = words_for(language_of(self.locale_id))
        kept = self.__dict__.setdefault("_presentations", {})
        if lang not in kept:
            kept[lang] = EventPresentation(self, lang)
        return kept[lang]

    def keep_relations(self, audience: Audience, found: "relations.EventRelations") -> None:
        """Relations loaded for this event together with its list (pages.events.relations)."""
        self._relations = (audience.basis, found)

    def related(self, audience: Audience) -> "relations.EventRelations":
        """Salon, project, organisations and categories as `audience` sees them: those loaded
        with this event's list, else loaded now for this event alone."""
        kept = self.__dict__.get("_relations")
        if kept is None or kept[0] is not audience.basis:  # the same snapshot, any language
            relations.attach([self], audience)
        return self._relations[1]
