"""A cancelled online event keeps nobody's meeting link: no output shows its join URL."""

import json

import pytest

pytestmark = pytest.mark.django_db
URL = "https://meet.example.jp/igren-cancelled-seminar"


@pytest.fixture
def cancelled(make_event):
    return make_event(
        "中止になったオンライン勉強会",
        "cancelled-online",
        attendance_mode="online",
        online_url=URL,
        status="cancelled",
        venue=None,
    )


def test_no_public_output_shows_a_cancelled_events_join_url(client, gql, cancelled):
    body = gql('{ event(slug: "cancelled-online") { status onlineUrl jsonLd } }')
    assert body["data"]["event"]["onlineUrl"] is None
    assert URL not in json.dumps(body)
    for path in (
        "/events/",
        "/events/cancelled-online/",
        "/feeds/events.ics",
        "/feeds/events.rss",
        "/feeds/events.atom",
        "/feeds/events.json",
        "/embed/events/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert URL not in response.content.decode(), path
    assert "オンライン" in client.get("/events/cancelled-online/").content.decode()


def test_a_scheduled_online_event_still_shows_its_join_url(client, gql, make_event):
    make_event(
        "オンライン勉強会",
        "online-study",
        attendance_mode="online",
        online_url=URL,
        venue=None,
    )
    assert gql('{ event(slug: "online-study") { onlineUrl } }')["data"]["event"]["onlineUrl"] == URL
    assert URL in client.get("/events/online-study/").content.decode()
    feed = json.loads(client.get("/feeds/events.json").content)
    assert any(item["_igren"]["online_url"] == URL for item in feed["items"])
