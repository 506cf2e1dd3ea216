"""The iCalendar feed: RFC 5545 form, what it holds, and what subscribers see over time."""

import datetime

import icalendar
import pytest
from django.utils import timezone

from igren_cms.feeds.ical import fold
from pages.events.windows import TOKYO
from pages.models import EventPage
from snippets.models import Venue
from tests.feeds import by_summary, fetch, ical_js, vevents

pytestmark = pytest.mark.django_db
FEED = "/feeds/events.ics"


def test_the_feed_is_rfc_5545_text(client):
    response = fetch(client, FEED)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    assert body.endswith(b"\r\n")
    assert b"\n" not in body.replace(b"\r\n", b"")  # no bare LF or CR anywhere
    for line in body.split(b"\r\n"):
        assert len(line) <= 75, line
        line.decode("utf-8")  # folds never split a character
    calendar = icalendar.Calendar.from_ical(body)
    assert str(calendar["VERSION"]) == "2.0"
    assert "Igren" in str(calendar["PRODID"])
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Tokyo"
    assert "神奈川県異業種連携協議会" in str(calendar["X-WR-CALNAME"])
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Asia/Tokyo"]


def test_every_event_carries_what_calendars_need(client):
    page = EventPage.objects.get(slug="kenou-regular")
    event = vevents(fetch(client, FEED).content)[uid_of(page)]
    for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SEQUENCE", "LAST-MODIFIED", "URL"):
        assert name in event, name
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event.decoded("DTSTAMP").tzinfo is not None
    start = event.decoded("DTSTART")
    assert start == page.start
    assert start.utcoffset() == datetime.timedelta(hours=9)
    assert str(event["URL"]).endswith("/events/kenou-regular/")
    assert page.venue.name in str(event["LOCATION"])
    assert set(event["CATEGORIES"].cats) == set(page.categories.values_list("name", flat=True))


def test_this_month_and_next_month_are_in_the_feed(client):
    summaries = set(by_summary(fetch(client, FEED).content))
    for slug in ("onoecho-evening", "kenou-regular", "yokohama-online", "new-tech-forum"):
        assert EventPage.objects.get(slug=slug).title in summaries


def test_a_cancelled_event_stays_with_status_cancelled(client):
    page = EventPage.objects.get(slug="international-study")
    event = vevents(fetch(client, FEED).content)[uid_of(page)]
    assert str(event["STATUS"]) == "CANCELLED"
    assert str(event["SUMMARY"]).startswith("【中止】")


def test_a_cancellation_leaves_the_feed_after_the_grace_period(client, settings):
    page = EventPage.objects.get(slug="international-study")
    EventPage.objects.filter(pk=page.pk).update(
        last_published_at=timezone.now() - datetime.timedelta(days=31)
    )
    assert uid_of(page) not in vevents(fetch(client, FEED).content)
    settings.IGREN_FEEDS = {"CANCELLED_GRACE_DAYS": 60}
    assert uid_of(page) in vevents(fetch(client, FEED).content)


def test_all_day_events_use_dates_with_an_exclusive_end(client):
    page = EventPage.objects.get(slug="new-tech-forum")
    event = vevents(fetch(client, FEED).content)[uid_of(page)]
    first = page.start.astimezone(TOKYO).date()
    last = page.end.astimezone(TOKYO).date()
    assert event.decoded("DTSTART") == first
    assert event.decoded("DTEND") == last + datetime.timedelta(days=1)
    assert "DTSTART;VALUE=DATE:" in fetch(client, FEED).content.decode()


def uid_of(page):
    return f"event-{page.pk}@localhost"


def test_a_reschedule_keeps_one_entry_and_raises_the_sequence(client, make_event):
    page = make_event("日程が動く催し", "moving-event")
    before = vevents(fetch(client, FEED).content)[uid_of(page)]
    assert int(before["SEQUENCE"]) == 0

    page = EventPage.objects.get(pk=page.pk)
    page.start += datetime.timedelta(days=7)
    page.end += datetime.timedelta(days=7)
    page.status = EventPage.Status.RESCHEDULED
    page.previous_start = page.start - datetime.timedelta(days=7)
    page.save_revision().publish()

    events = vevents(fetch(client, FEED).content)
    matching = [e for e in events.values() if "日程が動く催し" in str(e["SUMMARY"])]
    assert len(matching) == 1
    after = events[uid_of(page)]
    assert int(after["SEQUENCE"]) == 1
    assert str(after["SUMMARY"]) == "【日程変更】日程が動く催し"
    assert after.decoded("DTSTART") == before.decoded("DTSTART") + datetime.timedelta(days=7)


def test_sequence_moves_with_time_place_and_status_only(make_event):
    page = make_event("順番の催し", "sequence-event")

    def republish(**changes):
        fresh = EventPage.objects.get(pk=page.pk)
        for name, value in changes.items():
            setattr(fresh, name, value)
        fresh.save_revision().publish()
        return EventPage.objects.get(pk=page.pk).calendar_sequence

    assert republish(summary="説明だけ変えました") == 0
    other = Venue.objects.exclude(pk=page.venue_id).first()
    assert republish(venue=other) == 1
    assert republish(status=EventPage.Status.CANCELLED) == 2
    assert republish(title="題名だけ変えました") == 2


def test_publishing_an_old_revision_never_lowers_the_sequence(make_event):
    page = make_event("古い版の催し", "old-revision-event")
    old_revision = page.latest_revision
    fresh = EventPage.objects.get(pk=page.pk)
    fresh.start += datetime.timedelta(hours=1)
    fresh.end += datetime.timedelta(hours=1)
    fresh.save_revision().publish()
    assert EventPage.objects.get(pk=page.pk).calendar_sequence == 1
    old_revision.publish()  # back to the original time: a change again
    assert EventPage.objects.get(pk=page.pk).calendar_sequence == 2


def test_recent_past_events_stay_and_older_ones_go(client, make_event):
    now = timezone.now()
    recent = make_event("先月の催し", "recent-past", start=now - datetime.timedelta(days=80))
    old = make_event("昔の催し", "old-past", start=now - datetime.timedelta(days=100))
    uids = vevents(fetch(client, FEED).content)
    assert uid_of(recent) in uids
    assert uid_of(old) not in uids


def test_filters_narrow_the_feed(client):
    kenou = vevents(fetch(client, FEED + "?salon=kenou").content)
    assert {str(e["SUMMARY"]) for e in kenou.values()} == {"県央サロン 例会"}
    regional = vevents(fetch(client, FEED + "?category=international").content)
    assert regional and len(regional) < len(vevents(fetch(client, FEED).content))


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("?salon=atlantis", 404, "Unknown salon 'atlantis'."),
        ("?project=nothing-here", 404, "Unknown project"),
        ("?category=zzz", 404, "Unknown category"),
        ("?salon=a%20b", 400, "salon must be a slug"),
        ("?salon=kenou&salon=miura", 400, "at most once"),
        ("?salon=%00", 400, "salon must be a slug"),
    ],
)
def test_bad_filters_get_a_plain_answer(client, query, status, message):
    response = client.get(FEED + query)
    assert response.status_code == status
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert message in response.content.decode()


def test_one_event_as_its_own_calendar_file(client):
    page = EventPage.objects.get(slug="japan-korea-seminar")
    response = fetch(client, f"/feeds/events/{page.pk}.ics")
    assert "attachment" in response["Content-Disposition"]
    assert list(vevents(response.content)) == [uid_of(page)]


def test_a_hidden_event_has_no_calendar_file(client, make_event):
    draft = make_event("下書きの催し", "draft-ics", publish=False)
    response = client.get(f"/feeds/events/{draft.pk}.ics")
    assert response.status_code == 404
    assert "下書き" not in response.content.decode()


def test_the_api_links_each_event_to_its_calendar_file(gql, client):
    body = gql('{ event(slug: "kenou-regular") { icsUrl } }')
    url = body["data"]["event"]["icsUrl"]
    assert url.startswith("http://testserver/feeds/events/")
    assert fetch(client, url.removeprefix("http://testserver")).status_code == 200


def test_subscribe_links_offer_webcal(rf):
    from pages.feed_links import subscribe_links

    links = subscribe_links(rf.get("/"), salon="kawasaki")
    assert links["webcal"] == "webcal://testserver/feeds/events.ics?salon=kawasaki"
    assert links["https"].startswith("http://testserver/feeds/events.ics")


@pytest.mark.parametrize("text", ["あ" * 200, "a" * 300, "😀" * 60, "aあ😀" * 40])
def test_folding_keeps_characters_whole(text):
    folded = fold("DESCRIPTION:" + text)
    lines = folded.split("\r\n")
    assert all(len(line.encode()) <= 75 for line in lines)
    assert all(line.startswith(" ") for line in lines[1:])
    assert "".join([lines[0], *(line[1:] for line in lines[1:])]) == "DESCRIPTION:" + text


def test_ical_js_reads_the_demo_calendar_like_python_does(client, tmp_path):

    body = fetch(client, FEED).content
    parsed = {e["uid"]: e for e in ical_js(body, tmp_path)}
    python = vevents(body)
    assert set(parsed) == set(python)
    for uid, event in python.items():
        assert parsed[uid]["summary"] == str(event["SUMMARY"])
        assert parsed[uid]["status"] == str(event["STATUS"])
        assert parsed[uid]["sequence"] == int(event["SEQUENCE"])
    cancelled = EventPage.objects.get(slug="international-study")
    assert parsed[uid_of(cancelled)]["status"] == "CANCELLED"
