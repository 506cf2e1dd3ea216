"""The plugin's URLs, for a host site to include before Wagtail's catch-all:

    path("", include("igren_cms.plugin_urls")),          # or path("igren/", include(...))

Names (namespace "igren"): graphql, feed (kind=ics|rss|atom|json), event_ics, embed_script,
embed_page, sitemap. Everything the plugin links to is reversed from these names, so any
prefix works.
"""

from django.urls import path
from django.views.decorators.gzip import gzip_page

from igren_cms import sitemap
from igren_cms.api.views import graphql_view
from igren_cms.feeds import embed, views
from igren_cms.http_cache.views import cached_public
from igren_cms.outage import survives_outage
from igren_cms.ratelimit import rate_limited


def public(view, group: str, as_graphql: bool = False, cached: bool = False):
    """Every public endpoint: rate-limited per client, 503 when the database is unreachable;
    feeds, embed and sitemap also answered from the shared response cache (GraphQL caches its
    GETs itself, igren_cms/api/views.py)."""
    if cached:
        view = gzip_page(cached_public(group)(view))
    return rate_limited(group, as_graphql)(survives_outage(as_graphql)(view))


app_name = "igren"

urlpatterns = [
    path("graphql/", public(graphql_view, "graphql", as_graphql=True), name="graphql"),
    *(
        path(
            f"feeds/events.{kind}",
            public(views.event_feed, "feeds", cached=True),
            {"kind": kind},
            name=kind,
        )
        for kind in views.CONTENT_TYPES
    ),
    path(
        "feeds/events/<int:pk>.ics",
        public(views.event_calendar, "feeds", cached=True),
        name="event_ics",
    ),
    path("embed/events.js", public(embed.widget_script, "embed", cached=True), name="embed_script"),
    path("embed/events/", public(embed.embed_page, "embed", cached=True), name="embed_page"),
    path("sitemap.xml", public(sitemap.sitemap, "feeds", cached=True), name="sitemap"),
]
