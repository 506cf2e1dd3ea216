"""The partner embed: /embed/events/ (server-rendered, for an iframe) and /embed/events.js.

Only these pages may be framed; their Content-Security-Policy names the allowed parents
(settings.IGREN_FEEDS["FRAME_ANCESTORS"], default any). Every other page keeps the
X-Frame-Options: DENY of the clickjacking middleware.
"""

from functools import cache
from pathlib import Path

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from igren_cms.conf import feed_setting
from pages.events.schema_org import event_data, script_json
from pages.events.text import describe
from pages.feed_links import subscribe_links

from . import freshness, selection
from .views import plain_error

WIDGET = Path(__file__).with_name("assets") / "igren-events.js"
WORDS = {
    "ja": {
        "title": "今月と来月のイベント",
        "empty": "この期間のイベントはありません。",
        "add": "カレンダーに追加",
        "subscribe": "カレンダーで購読",
    },
    "en": {
        "title": "Events this month and next",
        "empty": "No events in this period.",
        "add": "Add to calendar",
        "subscribe": "Subscribe in your calendar",
    },
}


# The embed page needs nothing but its own inline style and links: everything else is refused.
EMBED_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; "
    "form-action 'none'"
)


def frame_ancestors() -> str:
    return "frame-ancestors " + " ".join(feed_setting("FRAME_ANCESTORS"))


def content_security_policy() -> str:
    """The embed page's whole policy (set by the plugin itself, so hosts need no django-csp)."""
    return f"{EMBED_POLICY}; {frame_ancestors()}"


def entries(groups, lang, request) -> list[dict]:
    """The embed page's months: each event described once, even when it spans two months."""
    described = {}
    result = []
    for group in groups:
        shown = []
        for event in group.events:
            if event.pk not in described:
                text = describe(event, request, lang)
                described[event.pk] = {
                    "event": event,
                    "text": text,
                    "shown": event.presented(lang),
                    "jsonld": script_json(event_data(event, text)),
                }
            shown.append(described[event.pk])
        result.append({"label": group.label, "month": group.key, "entries": shown})
    return result


@require_safe
@xframe_options_exempt
def embed_page(request):
    try:
        query = selection.parse(request.GET, embed=True)
        audience = selection.audience_of(request, query)
        groups = selection.embed_months(query, audience)
    except selection.FeedRequestError as exc:
        return plain_error(str(exc), exc.status)
    response = render(
        request,
        "igren_feeds/embed_events.html",
        {
            "lang": query.lang,
            "words": WORDS[query.lang],
            "groups": entries(groups, query.lang, request),
            "subscribe": subscribe_links(request, **query.filters()),
        },
    )
    response["Content-Security-Policy"] = content_security_policy()
    events = {e.pk: e for group in groups for e in group.events}.values()
    return freshness.finish(response, list(events), audience.now)


@cache
def widget_source() -> bytes:
    return WIDGET.read_bytes()


@require_safe
def widget_script(request):
    response = HttpResponse(widget_source(), content_type="text/javascript; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={feed_setting('MAX_AGE')}"
    return freshness.finish(response, [], None)
