"""The events desk in the admin: every event with its start (Tokyo), status, salon and project,
soonest first, filtered to upcoming or past events and by status (menu: イベント一覧)."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet

from pages.models import EventPage
from pages.templatetags.igren_tags import jp_date, jp_time


def start_label(event) -> str:
    """The same 2026年11月24日（火） 19:00 as the served pages."""
    return f"{jp_date(event.start)} {jp_time(event.start)}"


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
    event_status = django_filters.ChoiceFilter(
        label=pgettext_lazy("events desk", "Event status"),
        field_name="status",
        choices=EventPage.Status.choices,
        empty_label=pgettext_lazy("events desk", "All"),
    )

    class Meta:
        model = EventPage
        fields = []

    def filter_when(self, queryset, name, value):
        now = timezone.now()
        if value == "upcoming":
            return queryset.filter(end__gte=now)
        if value == "past":
            return queryset.filter(end__lt=now)
        return queryset


class EventDeskIndexView(PageListingViewSet.index_view_class):
    default_ordering = "start"

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("salon", "project")


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
