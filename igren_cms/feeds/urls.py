from django.urls import path

from . import embed, views

app_name = "igren_feeds"

urlpatterns = [
    path("feeds/events.ics", views.calendar_feed, name="ics"),
    path("feeds/events/<int:pk>.ics", views.event_calendar, name="event_ics"),
    path("feeds/events.rss", views.rss_feed, name="rss"),
    path("feeds/events.atom", views.atom_feed, name="atom"),
    path("feeds/events.json", views.json_feed, name="json"),
    path("embed/events.js", embed.widget_script, name="embed_script"),
    path("embed/events/", embed.embed_page, name="embed_page"),
]
