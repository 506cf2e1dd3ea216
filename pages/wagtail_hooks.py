"""Admin hooks of the Igren pages app."""

from django.urls import path, reverse
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from pages.admin_dashboard import ThisAndNextMonthPanel
from pages.admin_duplicate import DuplicateWithNewDateButton, duplicate_view
from pages.admin_events import event_desk
from pages.admin_gojuon import projects_by_reading, salons_by_reading
from pages.admin_meeting_rules import MeetingRuleViewSet
from pages.admin_report import activity_report_view
from pages.models import HomePage
from pages.roles import ensure_roles


@hooks.register("register_admin_viewset")
def register_event_desk():
    return event_desk


@hooks.register("register_admin_viewset")
def register_reading_order_listings():
    return [salons_by_reading, projects_by_reading]


@hooks.register("construct_homepage_panels")
def this_and_next_month_panel(request, panels):
    panels.append(ThisAndNextMonthPanel())


@hooks.register("after_create_page")
def roles_for_a_new_home(request, page):
    if isinstance(page.specific, HomePage):
        ensure_roles()


@hooks.register("register_admin_urls")
def activity_report_urls():
    return [
        path("igren/activity-report/", activity_report_view, name="igren_activity_report"),
        path("igren/events/<int:page_id>/duplicate/", duplicate_view, name="igren_duplicate_event"),
    ]


@hooks.register("register_page_header_buttons")
def duplicate_in_header(page, user, view_name, next_url=None):
    yield DuplicateWithNewDateButton(page=page, priority=35)


@hooks.register("register_page_listing_more_buttons")
def duplicate_in_listing(page, user, next_url=None):
    yield DuplicateWithNewDateButton(page=page, priority=25)


@hooks.register("register_admin_menu_item")
def activity_report_menu_item():
    return MenuItem(
        pgettext_lazy("activity report", "Activity report"),
        reverse("igren_activity_report"),
        icon_name="doc-full",
        order=170,
    )


register_snippet(MeetingRuleViewSet)
