"""Every output says what the presenter says: start, end, place, status and the join link of a
rescheduled, a cancelled, an online, a mixed, an all-day and a multi-day event, in GraphQL, the
event page, the embed page, iCalendar, RSS, Atom, JSON Feed and JSON-LD.

The expected values are read from `EventPage.presented()` of a freshly loaded instance, so a
rule changed in one output alone (an old start advertised, a venue shown for an online event,
a join link for a cancelled one) fails here. The widget is compared with the embed page in
Chromium by test_embed_browser.py.
"""

import datetime
import html
import json
import re

import feedparser
import pytest
from django.utils import timezone

from pages.events.windows import TOKYO, iso_tokyo, tokyo
from pages.models import EventPage
from snippets.models import Venue
from tests.factories import create_event
from tests.feeds import fetch, vevents

pytestmark = pytest.mark.django_db

JOIN = "https://meet.example.jp/igren-{}"
KINDS = ("rescheduled", "cancelled", "online", "mixed", "all-day", "multi-day")
EVENT_FIELDS = (
    "id title start end status statusLabel location when onlineUrl previousStart allDay"
    " venue { name } jsonLd"
)


def _fields(kind, start, hall, leftover):
    two_hours = datetime.timedelta(hours=2)
    return {
        "rescheduled": {
            "start": start,
            "end": start + two_hours,
            "venue": hall,
            "status": "rescheduled",
            "previous_start": start - datetime.timedelta(days=2, hours=3),
        },
        "cancelled": {
            "start": start,
            "end": start + two_hours,
            "venue": hall,
            "attendance_mode": "mixed",
            "online_url": JOIN.format("cancelled"),
            "status": "cancelled",
        },
        "online": {  # moved online, the hall of before still set
            "start": start,
            "end": start + two_hours,
            "venue": leftover,
            "attendance_mode": "online",
            "online_url": JOIN.format("online"),
        },
        "mixed": {
            "start": start,
            "end": start + two_hours,
            "venue": hall,
            "attendance_mode": "mixed",
            "online_url": JOIN.format("mixed"),
        },
        "all-day": {
            "start": start,
            "end": start + datetime.timedelta(days=1),
            "venue": hall,
            "all_day": True,
        },
        "multi-day": {
            "start": start,
            "end": start + datetime.timedelta(days=2, hours=5),
            "venue": hall,
        },
    }[kind]


@pytest.fixture(scope="module")
def events(module_data):
    """The six kinds, in this month or the next (Tokyo), built once for the module."""
    with module_data() as later:
        hall = Venue.objects.create(
            name="出力確認ホール", postal_code="231-0023", address="横浜市中区山下町2"
        )
        leftover = Venue.objects.create(name="使わなくなった会場QQ", address="川崎市川崎区1")
        base = timezone.now().astimezone(TOKYO) + datetime.timedelta(days=1)
        base = base.replace(hour=10, minute=0, second=0, microsecond=0)
        made = {}
        for offset, kind in enumerate(KINDS):
            start = base + datetime.timedelta(hours=offset)
            page = create_event(
                f"出力確認 {kind}", f"outputs-{kind}", **_fields(kind, start, hall, leftover)
            )
            made[kind] = page.pk
        later(lambda: Venue.objects.filter(pk__in=[hall.pk, leftover.pk]).delete())
    return made


@pytest.fixture(params=KINDS)
def shown(request, events):
    """(event, presentation) of one kind, loaded afresh."""
    event = EventPage.objects.get(pk=events[request.param])
    return event, event.presented()


def expected_places(shown):
    """(venue name or None, join link or None, online?) as the presenter has them."""
    return (shown.venue.name if shown.venue else None, shown.join_url, shown.online)


def test_graphql_says_what_the_presenter_says(gql, shown):
    event, p = shown
    data = gql(f"{{ event(id: {event.pk}) {{ {EVENT_FIELDS} }} }}")["data"]["event"]
    assert data["start"] == p.start_iso
    assert data["end"] == iso_tokyo(event.end)
    assert data["status"] == p.status_name
    assert data["statusLabel"] == (p.status_label or None)
    assert data["location"] == (p.location or None)
    assert data["when"] == p.when
    assert data["onlineUrl"] == p.join_url
    assert data["previousStart"] == iso_tokyo(p.previous_start)
    assert (data["venue"] or {}).get("name") == (p.venue.name if p.venue else None)
    months = gql("{ eventMonths(months: 2, limit: 100) { month events { id } } }")["data"][
        "eventMonths"
    ]
    holding = [m["month"] for m in months if str(event.pk) in {e["id"] for e in m["events"]}]
    days = (
        p.first_day + datetime.timedelta(days=n) for n in range((p.last_day - p.first_day).days + 1)
    )
    spanned = {f"{day:%Y-%m}" for day in days}
    assert holding == sorted(spanned & {m["month"] for m in months})


def article(client, event):
    return fetch(client, event.url).content.decode().split("<article>")[1].split("</article>")[0]


def embed_item(client, event):
    page = fetch(client, "/embed/events/?months=2&limit=100").content.decode()
    items = re.findall(r"<li class=\"event[^\"]*\">.*?</li>", page, flags=re.S)
    found = [i for i in items if html.escape(event.title) in i or event.title in i]
    assert found, event.title
    # An event spanning two months is listed in each, the same way.
    assert len(set(found)) == 1
    return found[0]


def text_of(fragment):
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


@pytest.mark.parametrize("where", ["page", "embed"])
def test_the_html_outputs_say_what_the_presenter_says(client, shown, where):
    event, p = shown
    fragment = article(client, event) if where == "page" else embed_item(client, event)
    text = text_of(fragment)
    assert f'datetime="{p.start_iso}"' in fragment
    assert p.when_shown in text and p.when_shown.startswith("令和")
    assert (p.holiday is not None) == ('class="holiday"' in fragment)
    assert p.status_label in text
    if p.status_label:
        assert f"badge {p.status_name if where == 'embed' else event.status}" in fragment
    venue, join, online = expected_places(p)
    assert (venue is not None) == ("出力確認ホール" in text)
    assert "使わなくなった会場QQ" not in text
    assert ("オンライン" in text) == online
    if where == "page":
        assert (join is not None) == (f'href="{join}"' in fragment)
        assert (p.previous_when != "") == ("当初の予定" in text)
        if p.previous_when:
            assert p.previous_when in text
    for url in (JOIN.format("cancelled"), JOIN.format("online"), JOIN.format("mixed")):
        if url != join:
            assert url not in fragment


def test_icalendar_says_what_the_presenter_says(client, shown):
    event, p = shown
    found = vevents(fetch(client, "/feeds/events.ics").content)
    single = vevents(fetch(client, f"/feeds/events/{event.pk}.ics").content)
    for calendar in (found, single):
        vevent = next(v for uid, v in calendar.items() if uid.startswith(f"event-{event.pk}@"))
        if event.all_day:
            assert vevent["DTSTART"].dt == p.first_day
            assert vevent["DTEND"].dt == p.end_day
        else:
            assert vevent["DTSTART"].dt == tokyo(event.start)
            assert vevent["DTEND"].dt == tokyo(event.end)
        assert str(vevent.get("LOCATION", "")) == p.full_location
        assert str(vevent["STATUS"]) == {"cancelled": "CANCELLED"}.get(event.status, "CONFIRMED")
        label = f"【{p.status_label}】" if p.status_label else ""
        assert str(vevent["SUMMARY"]) == f"{label}{event.title}"
        for url in (JOIN.format("cancelled"), JOIN.format("online"), JOIN.format("mixed")):
            if url != p.join_url:
                assert url not in vevent.to_ical().decode()


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_rss_and_atom_say_what_the_presenter_says(client, shown, kind):
    event, p = shown
    feed = feedparser.parse(fetch(client, f"/feeds/events.{kind}").content)
    assert not feed.bozo, feed.bozo_exception
    entry = next(e for e in feed.entries if e.title.endswith(event.title))
    label = f"【{p.status_label}】" if p.status_label else ""
    assert entry.title == f"{label}{event.title}"
    description = text_of(entry.get("description") or entry.content[0].value)
    assert f"日時: {p.when_with_holiday}" in description
    if p.full_location:
        assert f"場所: {p.full_location}" in description
    else:
        assert "場所:" not in description
    assert "使わなくなった会場QQ" not in description


def test_json_feed_says_what_the_presenter_says(client, shown):
    event, p = shown
    feed = json.loads(fetch(client, "/feeds/events.json").content)
    item = next(i for i in feed["items"] if i["title"].endswith(event.title))
    extension = item["_igren"]
    assert extension["start"] == p.start_iso
    assert extension["end"] == iso_tokyo(event.end)
    assert extension["all_day"] == event.all_day
    assert extension["status"] == event.status
    assert extension["online_url"] == p.join_url
    assert (extension["venue"] or {}).get("name") == (p.venue.name if p.venue else None)
    # Read as text a person would see: json.dumps escapes Japanese unless told not to.
    assert "使わなくなった会場QQ" not in json.dumps(item, ensure_ascii=False)


def test_json_ld_says_what_the_presenter_says(gql, client, shown):
    event, p = shown
    from_api = json.loads(
        gql(f"{{ event(id: {event.pk}) {{ jsonLd }} }}")["data"]["event"]["jsonLd"]
    )
    page = fetch(client, event.url).content.decode()
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, flags=re.S)
    from_page = json.loads(scripts[0])
    for data in (from_api, from_page):
        if event.all_day:
            assert (data["startDate"], data["endDate"]) == (
                p.first_day.isoformat(),
                p.last_day.isoformat(),
            )
        else:
            assert (data["startDate"], data["endDate"]) == (p.start_iso, iso_tokyo(event.end))
        status = {"scheduled": "EventScheduled", "cancelled": "EventCancelled"}
        status.update(rescheduled="EventRescheduled", postponed="EventPostponed")
        assert data["eventStatus"] == f"https://schema.org/{status[event.status]}"
        assert data.get("previousStartDate") == iso_tokyo(p.previous_start)
        places = data["location"] if isinstance(data["location"], list) else [data["location"]]
        names = [x.get("name") for x in places if x["@type"] == "Place"]
        assert names == ([p.venue.name] if p.venue else [])
        virtual = [x for x in places if x["@type"] == "VirtualLocation"]
        assert bool(virtual) == p.online
        if p.join_url:
            assert virtual[0]["url"] == p.join_url
        else:  # no way in (cancelled): the event's page, never a join link
            assert all(x["url"] == data["url"] for x in virtual)
