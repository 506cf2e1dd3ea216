"""The addresses of the event feeds, with filters: one rule for the served pages, the embed and
the API's `feeds` (the feed views themselves are igren_cms.feeds)."""

from urllib.parse import urlencode

from django.urls import reverse

# The feed formats, by the name of their URL (igren:ics …) and extension.
FEED_KINDS = ("ics", "rss", "atom", "json")


def feed_url(request, kind: str, **params) -> str:
    """The absolute address of one feed (ics, rss, atom, json) with these filters."""
    url = request.build_absolute_uri(reverse(f"igren:{kind}"))
    query = {k: v for k, v in params.items() if v}
    return url + "?" + urlencode(query) if query else url


def subscribe_links(request, **params) -> dict:
    """https:// and webcal:// addresses of the calendar feed with these filters."""
    url = feed_url(request, "ics", **params)
    return {"https": url, "webcal": "webcal://" + url.split("://", 1)[1]}


def feed_links(request, **params) -> dict:
    """Every feed with these filters: ics, webcal, rss, atom and json."""
    links = {kind: feed_url(request, kind, **params) for kind in FEED_KINDS}
    links["webcal"] = subscribe_links(request, **params)["webcal"]
    return links
