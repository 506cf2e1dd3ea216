"""Admin hooks of the Igren pages app."""

from wagtail import hooks

from pages.admin_dashboard import ThisAndNextMonthPanel
from pages.admin_events import event_desk
from pages.models import HomePage
from pages.roles import ensure_roles


@hooks.register("register_admin_viewset")
def register_event_desk():
    return event_desk


@hooks.register("construct_homepage_panels")
def this_and_next_month_panel(request, panels):
    panels.append(ThisAndNextMonthPanel())


@hooks.register("after_create_page")
def roles_for_a_new_home(request, page):
    if isinstance(page.specific, HomePage):
        ensure_roles()
