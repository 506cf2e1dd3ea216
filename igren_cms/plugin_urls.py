"""The plugin's URLs, for a host site to include before Wagtail's catch-all:

    path("", include("igren_cms.plugin_urls")),          # or path("igren/", include(...))

Names (namespace "igren"): graphql, feed (kind=ics|rss|atom|json), event_ics, embed_script,
embed_page. Everything the plugin links to is reversed from these names, so any prefix works.
"""

from django.urls import path

from igren_cms.api.views import graphql_view
from igren_cms.feeds import embed, views
from igren_cms.ratelimit import rate_limited

app_name = "igren"

urlpatterns = [
    path("graphql/", rate_limited("graphql", as_graphql=True)(graphql_view), name="graphql"),
    *(
        path(
            f"feeds/events.{kind}",
            rate_limited("feeds")(views.event_feed),
            {"kind": kind},
            name=kind,
        )
        for kind in views.CONTENT_TYPES
    ),
    path(
        "feeds/events/<int:pk>.ics", rate_limited("feeds")(views.event_calendar), name="event_ics"
    ),
    path("embed/events.js", rate_limited("embed")(embed.widget_script), name="embed_script"),
    path("embed/events/", rate_limited("embed")(embed.embed_page), name="embed_page"),
]
