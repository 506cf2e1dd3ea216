from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from pages import wareki

from .base import IgrenPage
from .dates import (
    HISTORY_FIRST,
    HISTORY_YEARS_AHEAD,
    DatePrecision,
    PartialDateField,
    format_partial_date,
    truncate_to_precision,
    years_ahead,
)


class HistoryPage(IgrenPage):
    """The association's history as an ordered timeline."""

    introduction = RichTextField(_("introduction"), blank=True)

    content_panels = [
        *IgrenPage.content_panels,
        FieldPanel("introduction"),
        InlinePanel(
            "entries", label=_("timeline entries"), heading=pgettext_lazy("history", "Timeline")
        ),
    ]

    parent_page_types = ["igren_pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("history page")
        verbose_name_plural = _("history pages")

    def timeline(self):
        """Entries in chronological order (ties keep the editor's order)."""
        return self.entries.order_by("date", "sort_order")


class HistoryEntry(Orderable):
    """One milestone of the timeline; the date may be known only to the year or month."""

    page = ParentalKey(HistoryPage, on_delete=models.CASCADE, related_name="entries")
    date = PartialDateField(
        _("date"),
        help_text=_(
            "In the Western calendar or in 和暦: 1984-04-20, 昭和59年4月20日, 平成15年 (a year "
            "or month alone sets the precision)."
        ),
    )
    precision = models.CharField(
        _("precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    title = models.CharField(pgettext_lazy("history entry", "title"), max_length=200)
    body = RichTextField(_("body"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("precision")]),
        FieldPanel("title"),
        FieldPanel("body"),
    ]

    @property
    def anchor(self) -> str:
        """The element id of this entry on the history page (entry-9)."""
        return anchor_of(self.pk)

    class Meta(Orderable.Meta):
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")

    def __str__(self):
        return f"{self.date_label} {self.title}"

    def clean(self):
        super().clean()
        # Typed as 平成15年 or 昭和59年4月, the words give the precision (a whole date typed
        # leaves the editor's choice: "year only" with any day of it).
        typed = getattr(self.date, "precision", DatePrecision.DAY)
        if typed != DatePrecision.DAY:
            self.precision = typed
        if self.date:
            last = years_ahead(HISTORY_YEARS_AHEAD)
            if not HISTORY_FIRST <= self.date <= last:
                raise ValidationError(
                    {
                        "date": _(
                            "Enter a date from %(first)s (the adoption of the Gregorian "
                            "calendar, Meiji 6) to %(last)s."
                        )
                        % {
                            "first": format_partial_date(HISTORY_FIRST, "day"),
                            "last": format_partial_date(last, "day"),
                        }
                    }
                )
            self.date = truncate_to_precision(self.date, self.precision)

    @property
    def date_label(self) -> str:
        return format_partial_date(self.date, self.precision)

    @property
    def wareki(self) -> str:
        """The era date; empty for a date outside the era table (forms never accept one, but
        rows written by code must not break the public pages)."""
        try:
            return wareki.to_wareki(self.date, self.precision)
        except ValueError:
            return ""


def anchor_of(entry_id) -> str:
    """The one form of a history entry's anchor: the page's element id and every link's
    fragment (search results, the API)."""
    return f"entry-{entry_id}"
