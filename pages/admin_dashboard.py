"""The admin dashboard's first panel: 今月と来月のイベント, drafts included, each with its status
and a link to edit it (the association's main concern, on the first screen an editor sees)."""

from django.urls import reverse
from wagtail.admin.ui.components import Component

from pages.admin_events import start_label
from pages.events.windows import current_months
from pages.models import EventPage


class ThisAndNextMonthPanel(Component):
    name = "igren_this_and_next_month"
    template_name = "igren_pages/admin/this_and_next_month.html"
    order = 50  # before Wagtail's own panels

    def get_context_data(self, parent_context):
        this_month, next_month = current_months(2)
        events = (
            EventPage.objects.overlapping(this_month.span(next_month))
            .order_by("start", "pk")
            .only("id", "title", "start", "end", "status", "live", "has_unpublished_changes")
        )
        return {
            **super().get_context_data(parent_context),
            "rows": [
                {
                    "event": event,
                    "when": start_label(event),
                    "status": event.get_status_display(),
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[event.pk]),
                }
                for event in events[:100]
            ],
        }
