from django import forms
from django.db import models
from django.db.models import F, Prefetch
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import PageManager
from wagtail.search import index

from pages import wareki
from pages.visibility import GatedPageQuerySet
from snippets.kana import ReadingMixin

from .base import IgrenPage
from .dates import DatePrecision, format_partial_date, truncate_to_precision
from .events import EventPage
from .meeting_rules import MeetingHost


class SalonQuerySet(GatedPageQuerySet):
    def in_opening_order(self):
        return self.order_by(F("opened_on").asc(nulls_last=True), "path")

    def in_reading_order(self):
        """五十音 (JIS X 4061) by reading."""
        return self.order_by("reading_key", "path")

    def with_upcoming_events(self, audience):
        """Each salon with `upcoming`: its events `audience` may see that have not yet ended,
        soonest first, for every salon in one query (a listing: relations attached)."""
        upcoming = EventPage.objects.listing(audience).upcoming(audience.now)
        return self.prefetch_related(Prefetch("events", queryset=upcoming, to_attr="upcoming"))


class SalonPage(MeetingHost, ReadingMixin, IgrenPage):
    """A regional salon (地域産学交流サロン): a recurring meetup of local business people."""

    area_name = models.CharField(
        _("area name"), max_length=50, help_text=_("For example 三浦半島 or 西湘.")
    )
    city = models.CharField(_("city"), max_length=50, help_text=_("For example 横須賀市."))
    venue = models.ForeignKey(
        "igren_snippets.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="salons",
    )
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    opened_precision = models.CharField(
        _("precision of the opening date"),
        max_length=5,
        choices=DatePrecision.choices,
        default=DatePrecision.YEAR,
        help_text=_("Choose 'year only' when only the year of opening is known."),
    )
    meeting_schedule = models.CharField(
        _("meeting schedule"),
        max_length=200,
        blank=True,
        help_text=_("In words, e.g. 毎月第3木曜日 18:30〜."),
    )
    host_organisations = ParentalManyToManyField(
        "igren_snippets.Organisation",
        verbose_name=_("host organisations"),
        blank=True,
        related_name="hosted_salons",
    )
    summary = models.TextField(_("summary"), blank=True, max_length=500)
    body = RichTextField(_("body"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = PageManager.from_queryset(SalonQuerySet)()

    content_panels = [
        *IgrenPage.content_panels,
        FieldPanel("reading"),
        FieldRowPanel([FieldPanel("area_name"), FieldPanel("city")]),
        FieldPanel("venue"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("opened_on"), FieldPanel("opened_precision")])],
            heading=_("Opening"),
        ),
        FieldPanel("meeting_schedule"),
        FieldPanel("host_organisations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("image"),
    ]
    search_fields = [
        *IgrenPage.search_fields,
        index.SearchField("reading"),
        index.AutocompleteField("reading"),
        index.SearchField("area_name"),
        index.SearchField("city"),
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    meetings_field = "salon"
    reading_source = "title"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.meetings_context(request))
        return context

    parent_page_types = ["igren_pages.SalonIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("salon")
        verbose_name_plural = _("salons")

    def clean(self):
        super().clean()
        if self.opened_on:
            self.opened_on = truncate_to_precision(self.opened_on, self.opened_precision)

    @property
    def opened_label(self) -> str:
        """e.g. 2003年（平成15年）."""
        if not self.opened_on:
            return ""
        western = format_partial_date(self.opened_on, self.opened_precision)
        return f"{western}（{wareki.to_wareki(self.opened_on, self.opened_precision)}）"
