from django.urls import path

from . import embed, views

app_name = "igren_feeds"

urlpatterns = [
    *(
        path(f"feeds/events.{kind}", views.event_feed, {"kind": kind}, name=kind)
        for kind in views.CONTENT_TYPES
    ),
    path("feeds/events/<int:pk>.ics", views.event_calendar, name="event_ics"),
    path("embed/events.js", embed.widget_script, name="embed_script"),
    path("embed/events/", embed.embed_page, name="embed_page"),
]
