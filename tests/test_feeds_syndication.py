"""RSS 2.0, Atom and JSON Feed: valid for real parsers, the same events as the calendar."""

import json

import feedparser
import pytest

from pages.models import EventPage
from tests.feeds import fetch, vevents

pytestmark = pytest.mark.django_db


def parsed(client, path):
    response = fetch(client, path)
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return response, feed


def calendar_event_ids(client, query=""):
    return {
        uid.split("@")[0] for uid in vevents(fetch(client, "/feeds/events.ics" + query).content)
    }


@pytest.mark.parametrize(
    ("path", "content_type", "version"),
    [
        ("/feeds/events.rss", "application/rss+xml; charset=utf-8", "rss20"),
        ("/feeds/events.atom", "application/atom+xml; charset=utf-8", "atom10"),
    ],
)
def test_rss_and_atom_parse_and_match_the_calendar(client, path, content_type, version):
    response, feed = parsed(client, path)
    assert response["Content-Type"] == content_type
    assert feed.version == version
    ids = {entry.id.rsplit(":", 1)[1] for entry in feed.entries}
    assert ids == calendar_event_ids(client)
    cancelled = EventPage.objects.get(slug="international-study")
    titles = {entry.title for entry in feed.entries}
    assert f"【中止】{cancelled.title}" in titles
    entry = next(e for e in feed.entries if e.title == "県央サロン 例会")
    assert entry.link.endswith("/events/kenou-regular/")
    assert "日時" in entry.summary
    page = EventPage.objects.get(slug="kenou-regular")
    assert {tag.term for tag in entry.tags} == set(page.categories.values_list("name", flat=True))


def test_json_feed_1_1_with_the_igren_extension(client):
    response = fetch(client, "/feeds/events.json")
    assert response["Content-Type"] == "application/feed+json; charset=utf-8"
    feed = json.loads(response.content)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == "http://testserver/feeds/events.json"
    ids = {item["id"].rsplit(":", 1)[1] for item in feed["items"]}
    assert ids == calendar_event_ids(client)
    item = next(i for i in feed["items"] if i["url"].endswith("/kenou-regular/"))
    extension = item["_igren"]
    assert extension["start"].endswith("+09:00")
    assert extension["status"] == "scheduled"
    assert extension["venue"]["name"] == EventPage.objects.get(slug="kenou-regular").venue.name
    online = next(i for i in feed["items"] if i["url"].endswith("/yokohama-online/"))
    assert online["_igren"]["venue"] is None
    assert online["_igren"]["attendance_mode"] == "online"


@pytest.mark.parametrize("path", ["/feeds/events.rss", "/feeds/events.atom", "/feeds/events.json"])
def test_the_same_filters_apply(client, path):
    response = fetch(client, path + "?salon=kenou")
    assert "県央サロン 例会" in response.content.decode()
    assert "横浜サロン" not in response.content.decode()
    assert client.get(path + "?salon=atlantis").status_code == 404
    assert client.get(path + "?category=a/b").status_code == 400


def test_hidden_events_never_reach_a_feed(client, make_event):
    from wagtail.models import PageViewRestriction

    make_event("下書きのマーカーQX1", "hidden-draft", publish=False)
    private = make_event("限定公開のマーカーQX2", "hidden-private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for path in (
        "/feeds/events.ics",
        "/feeds/events.rss",
        "/feeds/events.atom",
        "/feeds/events.json",
        "/embed/events/",
        f"/feeds/events/{private.pk}.ics",
    ):
        body = client.get(path).content.decode()
        assert "QX1" not in body and "QX2" not in body, path
