"""Feed endpoints: /feeds/events.{ics,rss,atom,json} and one .ics per event.

Every view takes its events from `selection` (public events through the shared filters) and
finishes through `conditional` (ETag, Last-Modified, 304). Errors are plain text: 400 for a
malformed parameter, 404 for an unknown slug or an event that is not public.
"""

from django.http import HttpResponse
from django.views.decorators.http import require_safe
from wagtail.models import Site

from igren_cms.conf import association_name, feed_setting
from pages import locales
from pages.events.text import describe
from pages.feed_links import feed_url
from pages.models import EventPage, HomePage, ProjectPage, SalonPage
from pages.visibility import Audience, audience_for
from snippets.models import Category

from . import freshness, ical, jsonfeed, selection, syndication

TEXT_PLAIN = "text/plain; charset=utf-8"
CONTENT_TYPES = {
    "ics": "text/calendar; charset=utf-8",
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
    "json": "application/feed+json; charset=utf-8",
}


def uid_domain(request) -> str:
    """A fixed domain for UIDs: the setting, else the default site's hostname (never the Host)."""
    configured = feed_setting("UID_DOMAIN")
    if configured:
        return configured
    site = Site.objects.filter(is_default_site=True).only("hostname").first()
    return site.hostname if site else "igren.invalid"


def feed_title(query: selection.FeedQuery, audience: Audience) -> str:
    """The calendar's (feed's) name, in the feed's language: the association's name as its home
    page in that language writes it."""
    english = query.lang == "en"
    name = association_name()
    if english:
        home = audience.filter(HomePage.objects.all()).only("association_name").first()
        name = home.association_name if home and home.association_name else name
    for model, slug in ((SalonPage, query.salon), (ProjectPage, query.project)):
        if slug:
            page = audience.filter(model.objects.filter(slug=slug)).only("title").first()
            if page:
                return (
                    f"{name}: {page.title} events" if english else f"{name} {page.title}のイベント"
                )
    if query.category:
        category = Category.objects.filter(slug=query.category).first()
        if category:
            return (
                f"{name} events ({category.name})"
                if english
                else f"{name} イベント（{category.name}）"
            )
    return f"{name} events" if english else f"{name} イベント"


def plain_error(message: str, status: int) -> HttpResponse:
    return HttpResponse(message + "\n", status=status, content_type=TEXT_PLAIN)


@require_safe
def event_feed(request, kind: str):
    """The event feed in one format: kind is ics, rss, atom or json (set in urls.py)."""
    try:
        query = selection.parse(request.GET)
        audience = selection.audience_of(request, query)
        events = selection.feed_events(query, audience)
    except selection.FeedRequestError as exc:
        return plain_error(str(exc), exc.status)
    locales.mark_sources(events, request)  # one UID per event in every language
    items = [(event, describe(event, request, query.lang)) for event in events]
    domain = uid_domain(request)
    title = feed_title(query, audience)
    description = (
        "Events this month and next, recent ones and everything planned."
        if query.lang == "en"
        else "今月と来月のイベント、直近の開催実績、予定されているすべての催し。"
    )
    self_url = feed_url(request, kind, **query.as_params())
    home_url = request.build_absolute_uri("/")
    if kind == "ics":
        body = ical.calendar(
            items, name=title, description=description, uid_domain=domain, now=audience.now
        )
    elif kind == "json":
        body = jsonfeed.build(
            items,
            title=title,
            home_page_url=home_url,
            feed_url=self_url,
            description=description,
            uid_domain=domain,
            lang=query.lang,
        )
    else:
        body = syndication.build(
            kind,
            items,
            title=title,
            link=home_url,
            feed_url=self_url,
            description=description,
            uid_domain=domain,
            lang=query.lang,
        )
    response = HttpResponse(body, content_type=CONTENT_TYPES[kind])
    response["Access-Control-Allow-Origin"] = "*"
    if kind == "ics":
        response["Content-Disposition"] = 'inline; filename="igren-events.ics"'
    return freshness.finish(response, events, audience.now)


@require_safe
def event_calendar(request, pk: int):
    """One event as its own calendar file, for 'add to calendar' links."""
    audience = audience_for(request).any_locale()  # an English event by its own id too
    event = EventPage.objects.listing(audience).filter(pk=pk).first()
    if event is None:
        return plain_error("No public event has this id.", 404)
    locales.mark_sources([event], request)
    language = locales.language_of(event.locale_id, request)
    text = describe(event, request, language if language in ("ja", "en") else "ja")
    body = ical.calendar(
        [(event, text)],
        name=text.title,
        description=f"{association_name()}のイベント",
        uid_domain=uid_domain(request),
        now=audience.now,
    )
    response = HttpResponse(body, content_type=CONTENT_TYPES["ics"])
    response["Content-Disposition"] = f'attachment; filename="igren-event-{event.pk}.ics"'
    response["Access-Control-Allow-Origin"] = "*"
    return freshness.finish(response, [event], audience.now)
