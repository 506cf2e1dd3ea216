"""The events desk in the admin: every event with its start (Tokyo, 和暦), status, salon and
project, soonest first, filtered to upcoming or past events, by 年度, by a range of dates, by
salon, project and status, and exported as XLSX or CSV by Wagtail's own spreadsheet export
(menu: イベント一覧)."""

import datetime

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet

from pages.events import windows
from pages.events.presenter import jp_date
from pages.models import EventPage, ProjectPage, SalonPage
from pages.models.meeting_rules import fiscal_year_choices
from pages.templatetags.igren_tags import jp_time


def start_label(event) -> str:
    """令和8年11月24日（火） 19:00, a holiday marked （月・祝）, as the served pages date it."""
    return f"{jp_date(event.start, era=True)} {jp_time(event.start)}"


class EventDeskFilterSet(PageListingViewSet.filterset_class):
    when = django_filters.ChoiceFilter(
        label=pgettext_lazy("events desk", "When"),
        choices=[
            ("upcoming", pgettext_lazy("events desk", "Upcoming")),
            ("past", pgettext_lazy("events desk", "Past")),
        ],
        method="filter_when",
        empty_label=pgettext_lazy("events desk", "All"),
    )
    fiscal_year = django_filters.ChoiceFilter(
        label=pgettext_lazy("meeting rule", "fiscal year"),
        choices=lambda: [(str(year), label) for year, label in fiscal_year_choices()],
        method="filter_fiscal_year",
        empty_label=pgettext_lazy("events desk", "All"),
    )
    dates = django_filters.DateFromToRangeFilter(
        label=pgettext_lazy("events desk", "Starts between"),
        method="filter_dates",
        widget=DateRangePickerWidget,
    )
    salon = django_filters.ModelChoiceFilter(
        label=_("salon"),
        queryset=lambda request: SalonPage.objects.order_by("reading_key", "path"),
        empty_label=pgettext_lazy("events desk", "All"),
    )
    project = django_filters.ModelChoiceFilter(
        label=_("project"),
        queryset=lambda request: ProjectPage.objects.order_by("reading_key", "path"),
        empty_label=pgettext_lazy("events desk", "All"),
    )
    event_status = django_filters.ChoiceFilter(
        label=pgettext_lazy("events desk", "Event status"),
        field_name="status",
        choices=EventPage.Status.choices,
        empty_label=pgettext_lazy("events desk", "All"),
    )

    class Meta:
        model = EventPage
        fields = []

    def filter_fiscal_year(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(windows.fiscal_year_window(int(value)).q_start())

    def filter_dates(self, queryset, name, value):
        """Events starting on the first to the last day given (Tokyo days), either end open."""
        if value.start:
            queryset = queryset.filter(start__gte=windows.local_midnight(value.start))
        if value.stop:
            next_day = value.stop + datetime.timedelta(days=1)
            queryset = queryset.filter(start__lt=windows.local_midnight(next_day))
        return queryset

    def filter_when(self, queryset, name, value):
        now = timezone.now()
        if value == "upcoming":
            return queryset.filter(end__gte=now)
        if value == "past":
            return queryset.filter(end__lt=now)
        return queryset


EXPORT = {
    "title": pgettext_lazy("events desk", "Event"),
    "when": pgettext_lazy("events desk", "When"),
    "holiday": pgettext_lazy("events desk", "Holiday"),
    "fiscal_year": pgettext_lazy("meeting rule", "fiscal year"),
    "event_status": pgettext_lazy("events desk", "Event status"),
    "location": _("venue"),
    "salon": _("salon"),
    "project": _("project"),
    "live": pgettext_lazy("events desk", "Published"),
    "url": "URL",
}


class EventDeskIndexView(PageListingViewSet.index_view_class):
    default_ordering = "start"
    list_export = list(EXPORT)
    export_headings = EXPORT

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("salon", "project", "venue")

    def to_row_dict(self, item):
        """One event as its spreadsheet row, in the presenter's words."""
        shown = item.presented("ja")  # the office's spreadsheet is in Japanese
        return {
            "title": item.title,
            "when": shown.when_in_era,
            "holiday": shown.holiday or "",
            "fiscal_year": shown.fiscal_year_label,
            "event_status": item.get_status_display(),
            "location": shown.location,
            "salon": item.salon.title if item.salon_id else "",
            "project": item.project.title if item.project_id else "",
            "live": "公開中" if item.live else "下書き",
            "url": item.full_url or "",
        }


class EventDeskViewSet(PageListingViewSet):
    model = EventPage
    icon = "date"
    menu_label = pgettext_lazy("events desk", "Events desk")
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = EventDeskIndexView
    filterset_class = EventDeskFilterSet
    columns = [
        *PageListingViewSet.columns,
        Column(
            "start",
            label=pgettext_lazy("events desk", "Starts (Tokyo)"),
            accessor=start_label,
            sort_key="start",
        ),
        Column(
            "event_status",
            label=pgettext_lazy("events desk", "Event status"),
            accessor="get_status_display",
            sort_key="status",
        ),
        Column(
            "salon",
            label=_("salon"),
            accessor=lambda event: event.salon.title if event.salon_id else "",
        ),
        Column(
            "project",
            label=_("project"),
            accessor=lambda event: event.project.title if event.project_id else "",
        ),
    ]


event_desk = EventDeskViewSet("igren_event_desk")
