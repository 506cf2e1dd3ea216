"""One event through every output: the same status label, the same place (an online event
never shows a venue left over from before it moved online), the same time in words and the
same Tokyo ISO instant to the second."""

import datetime
import json
import re
from zoneinfo import ZoneInfo

import feedparser
import jpholiday
import pytest
from django.utils import timezone

from snippets.models import Venue
from tests.feeds import by_summary, fetch

pytestmark = pytest.mark.django_db

TOKYO = ZoneInfo("Asia/Tokyo")
TITLE = "オンラインに切り替えた交流会"


@pytest.fixture
def moved_online(make_event):
    """Rescheduled, now online only, still pointing at the hall it was first booked in."""
    hall = Venue.objects.create(name="旧会場ホールZZ", address="横浜市中区1-1")
    now = timezone.now().astimezone(TOKYO)
    start = (now + datetime.timedelta(days=1)).replace(hour=15, minute=0, second=0)
    start = start.replace(microsecond=123456)  # as an editor's form can leave it
    return make_event(
        TITLE,
        "moved-online",
        start=start,
        end=start + datetime.timedelta(hours=2),
        venue=hall,
        attendance_mode="online",
        online_url="https://meet.example.jp/igren",
        status="rescheduled",
        previous_start=start - datetime.timedelta(days=7),
    )


def expected_when(event):
    start, end = event.start.astimezone(TOKYO), event.end.astimezone(TOKYO)
    weekday = "月火水木金土日"[start.weekday()]
    if jpholiday.is_holiday(start.date()):  # the day the test runs may be one
        weekday += "・祝"
    return f"{start.year}年{start.month}月{start.day}日（{weekday}） {start:%H:%M}〜{end:%H:%M}"


def expected_era_when(event):
    """The same in 和暦, as people read it on the pages, the embed and in the feeds (the test's
    events are in 令和: its year is the Western year less 2018)."""
    start = event.start.astimezone(TOKYO)
    return expected_when(event).replace(f"{start.year}年", f"令和{start.year - 2018}年", 1)


def expected_iso(event):
    return event.start.astimezone(TOKYO).strftime("%Y-%m-%dT%H:%M:%S+09:00")


def item_html(html, title):
    """The list item (an <li>) that holds the title."""
    items = re.findall(r"<li class=\"event[^\"]*\">.*?</li>", html, flags=re.S)
    found = [i for i in items if title in i]
    assert len(found) == 1, (title, len(found))
    return found[0]


def visible_text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_one_event_reads_the_same_everywhere(client, gql, moved_online):
    when, iso = expected_when(moved_online), expected_iso(moved_online)
    era_when = expected_era_when(moved_online)

    # The events page's list and the event's own page.
    for html in (
        item_html(fetch(client, "/events/").content.decode(), TITLE),
        fetch(client, "/events/moved-online/").content.decode().split("<article>")[1],
    ):
        text = visible_text(html)
        assert "日程変更" in text and "オンライン" in text and era_when in text
        assert "旧会場ホールZZ" not in html
        assert f'datetime="{iso}"' in html

    # GraphQL.
    body = gql(
        '{ page(path: "/events/moved-online/") { ... on Event { start statusLabel location when'
        " venue { name } en: statusLabel(lang: EN) enLocation: location(lang: EN) } } }"
    )
    event = body["data"]["page"]
    assert event == {
        "start": iso,
        "statusLabel": "日程変更",
        "location": "オンライン",
        "when": when,
        "venue": None,
        "en": "Rescheduled",
        "enLocation": "Online",
    }

    # The partner embed page.
    embed = item_html(fetch(client, "/embed/events/?months=2").content.decode(), TITLE)
    assert f'datetime="{iso}"' in embed and "旧会場ホールZZ" not in embed
    assert "日程変更" in visible_text(embed) and era_when in visible_text(embed)

    # The calendar feed, RSS and JSON Feed.
    vevent = by_summary(fetch(client, "/feeds/events.ics").content)[f"【日程変更】{TITLE}"]
    assert str(vevent["LOCATION"]) == "オンライン"
    assert vevent["DTSTART"].dt == moved_online.start.replace(microsecond=0)
    rss = feedparser.parse(fetch(client, "/feeds/events.rss").content)
    entry = next(e for e in rss.entries if TITLE in e.title)
    assert entry.title == f"【日程変更】{TITLE}" and era_when in entry.description
    assert "旧会場ホールZZ" not in entry.description
    feed = json.loads(fetch(client, "/feeds/events.json").content)
    item = next(i for i in feed["items"] if TITLE in i["title"])
    assert item["title"] == f"【日程変更】{TITLE}" and "旧会場ホールZZ" not in json.dumps(item)

    # schema.org data: a virtual location only.
    data = json.loads(gql('{ event(slug: "moved-online") { jsonLd } }')["data"]["event"]["jsonLd"])
    assert data["location"]["@type"] == "VirtualLocation"
