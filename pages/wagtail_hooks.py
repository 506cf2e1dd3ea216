"""Admin hooks of the Igren pages app."""

from wagtail import hooks

from pages.admin_events import event_desk


@hooks.register("register_admin_viewset")
def register_event_desk():
    return event_desk
