"""The event domain's rules one by one, without a database: windows, the presenter, months and
the writers of iCalendar, RSS/Atom, JSON Feed and schema.org data.

Events here are unsaved `EventPage` instances (the model itself, not a stand-in); these tests
are fast enough to run per mutant (docs/decisions.md §14: `make mutation`).
"""

import datetime
import json

import feedparser
import icalendar
import pytest

from igren_cms.feeds import ical, jsonfeed, syndication
from pages.events import months, presenter, schema_org, windows
from pages.events.relations import EventRelations
from pages.events.text import EventText
from pages.models import EventPage
from snippets.models import Venue

TOKYO = windows.TOKYO
UTC = datetime.UTC


def at(*parts) -> datetime.datetime:
    return datetime.datetime(*parts, tzinfo=TOKYO)


def hall(**fields):
    values = {"pk": 7, "name": "かながわ  県民ホール", "postal_code": "231-0023"}
    values["address"] = "横浜市中区山下町3-1"
    values.update(fields)
    return Venue(**values)


def event(**fields) -> EventPage:
    fields.setdefault("pk", 42)
    fields["id"] = fields["pk"]  # as loaded, so Wagtail looks up no content type
    values = {
        "title": "交流会",
        "slug": "meeting",
        "start": at(2026, 12, 10, 18, 0),
        "end": at(2026, 12, 10, 20, 0),
        "status": "scheduled",
        "attendance_mode": "offline",
        "venue": hall(),
    }
    values.update(fields)
    return EventPage(**values)


def text_of(page, **fields) -> EventText:
    values = {
        "title": page.title,
        "status_label": page.presented().status_label,
        "url": "https://igren.example/events/meeting/",
        "ics_url": "https://igren.example/feeds/events/42.ics",
        "summary": "年末の交流会です。",
        "body_html": "",
        "body_text": "",
        "location": page.presented().full_location,
        "relations": EventRelations(),
    }
    values.update(fields)
    return EventText(**values)


# -- windows ---------------------------------------------------------------------------------


def test_add_months_crosses_years_both_ways():
    assert windows.add_months(2026, 12, 1) == (2027, 1)
    assert windows.add_months(2026, 1, -1) == (2025, 12)
    assert windows.add_months(2026, 11, 14) == (2028, 1)
    assert windows.add_months(2026, 5, 0) == (2026, 5)


def test_a_month_runs_from_its_first_midnight_in_tokyo_to_the_next():
    december = windows.one_month(2026, 12)
    assert (december.start, december.end) == (at(2026, 12, 1), at(2027, 1, 1))
    assert (december.year, december.month, december.key) == (2026, 12, "2026-12")
    assert windows.one_month(2028, 2).end == at(2028, 3, 1)
    assert windows.one_month(987, 3).key == "0987-03"


def test_months_from_and_month_window():
    found = windows.months_from(2026, 11, 3)
    assert [m.key for m in found] == ["2026-11", "2026-12", "2027-01"]
    span = windows.month_window(2026, 11, 3)
    assert (span.start, span.end) == (at(2026, 11, 1), at(2027, 2, 1))
    assert windows.month_window(2026, 11) == windows.Window(at(2026, 11, 1), at(2026, 12, 1))


def test_a_date_window_includes_its_last_day():
    window = windows.date_window(datetime.date(2026, 12, 1), datetime.date(2026, 12, 31))
    assert (window.start, window.end) == (at(2026, 12, 1), at(2027, 1, 1))


def test_the_window_rule_is_overlap_in_sql_and_in_python_alike():
    window = windows.one_month(2026, 12)
    assert dict(window.q().children) == {"start__lt": at(2027, 1, 1), "end__gt": at(2026, 12, 1)}
    assert dict(window.q("event__").children) == {
        "event__start__lt": at(2027, 1, 1),
        "event__end__gt": at(2026, 12, 1),
    }
    inside = event(start=at(2026, 12, 5, 10), end=at(2026, 12, 5, 12))
    crossing_in = event(start=at(2026, 11, 30, 22), end=at(2026, 12, 1, 1))
    crossing_out = event(start=at(2026, 12, 31, 23), end=at(2027, 1, 1, 2))
    ends_at_start = event(start=at(2026, 11, 30, 22), end=at(2026, 12, 1))
    starts_at_end = event(start=at(2027, 1, 1), end=at(2027, 1, 1, 2))
    assert [window.contains(e) for e in (inside, crossing_in, crossing_out)] == [True] * 3
    assert not window.contains(ends_at_start)
    assert not window.contains(starts_at_end)


def test_today_and_the_current_months_are_tokyo_dates():
    # 15:30 UTC on 30 November is 00:30 on 1 December in Tokyo.
    now = datetime.datetime(2026, 11, 30, 15, 30, tzinfo=UTC)
    assert windows.today_in_tokyo(now) == datetime.date(2026, 12, 1)
    assert [m.key for m in windows.current_months(2, now)] == ["2026-12", "2027-01"]
    assert [m.key for m in windows.current_months(1, now - datetime.timedelta(hours=1))] == [
        "2026-11"
    ]


def test_instants_in_tokyo_to_the_second():
    value = datetime.datetime(2026, 12, 10, 9, 0, 5, 987654, tzinfo=UTC)
    assert windows.tokyo(value) == at(2026, 12, 10, 18, 0, 5)
    assert windows.tokyo(value).utcoffset() == datetime.timedelta(hours=9)
    assert windows.iso_tokyo(value) == "2026-12-10T18:00:05+09:00"
    assert windows.tokyo(None) is None and windows.iso_tokyo(None) is None


def test_span_joins_two_windows():
    first, last = windows.one_month(2026, 12), windows.one_month(2027, 3)
    assert first.span(last) == windows.Window(at(2026, 12, 1), at(2027, 4, 1))


# -- the presenter ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "ja", "en", "name"),
    [
        ("scheduled", "", "", "SCHEDULED"),
        ("cancelled", "中止", "Cancelled", "CANCELLED"),
        ("postponed", "延期", "Postponed", "POSTPONED"),
        ("rescheduled", "日程変更", "Rescheduled", "RESCHEDULED"),
    ],
)
def test_status_words(status, ja, en, name):
    page = event(status=status, previous_start=at(2026, 12, 3, 18))
    assert page.presented().status_label == ja
    assert page.presented("en").status_label == en
    assert page.presented().status_name == name
    assert presenter.enum_name(status) == name


def test_an_unknown_language_reads_japanese():
    page = event(status="cancelled")
    assert page.presented("ko").status_label == "中止"
    assert page.presented("ko").lang == "ja"
    assert presenter.language("en") == "en" and presenter.language(None) == "ja"


@pytest.mark.parametrize(
    ("mode", "url", "status", "venue", "online", "join"),
    [
        ("offline", "https://meet.example/a", "scheduled", True, False, None),
        ("online", "https://meet.example/a", "scheduled", False, True, "https://meet.example/a"),
        ("mixed", "https://meet.example/a", "postponed", True, True, "https://meet.example/a"),
        ("mixed", "https://meet.example/a", "cancelled", True, True, None),
        ("online", "https://meet.example/a", "cancelled", False, True, None),
        ("online", "", "scheduled", False, True, None),
    ],
)
def test_place_and_join_link_by_attendance_mode(mode, url, status, venue, online, join):
    shown = event(attendance_mode=mode, online_url=url, status=status).presented()
    assert (shown.venue is not None) == venue
    assert shown.online == online
    assert shown.join_url == join


def test_no_venue_set_is_no_venue_shown():
    shown = event(venue=None, attendance_mode="mixed", online_url="https://m.example/").presented()
    assert shown.venue is None
    assert shown.location == "オンライン"


def test_location_in_words():
    offline = event().presented()
    assert offline.location == "かながわ 県民ホール"
    assert offline.full_location == "かながわ 県民ホール 〒231-0023 横浜市中区山下町3-1"
    mixed = event(attendance_mode="mixed", online_url="https://m.example/")
    assert mixed.presented().location == "かながわ 県民ホール ／ オンライン"
    assert mixed.presented("en").location == "かながわ 県民ホール / Online"
    online = event(attendance_mode="online", online_url="https://m.example/")
    assert online.presented("en").location == "Online"
    assert online.presented().full_location == "オンライン"
    assert event(venue=None).presented().location == ""


@pytest.mark.parametrize(
    ("start", "end", "all_day", "ja", "en"),
    [
        (
            at(2026, 12, 10, 18, 0),
            at(2026, 12, 10, 20, 30),
            False,
            "2026年12月10日（木） 18:00〜20:30",
            "Thu 10 Dec 2026, 18:00–20:30",
        ),
        (
            at(2026, 12, 31, 22, 0),
            at(2027, 1, 1, 1, 0),
            False,
            "2026年12月31日（木） 22:00〜2027年1月1日（金・祝） 01:00",
            "Thu 31 Dec 2026 22:00 – Fri 1 Jan 2027 01:00",
        ),
        (
            at(2026, 12, 12),
            at(2026, 12, 12, 23, 59, 59),
            True,
            "2026年12月12日（土）",
            "Sat 12 Dec 2026",
        ),
        (
            at(2026, 12, 12),
            at(2026, 12, 14, 23, 59, 59),
            True,
            "2026年12月12日（土）〜2026年12月14日（月）",
            "Sat 12 Dec 2026 – Mon 14 Dec 2026",
        ),
    ],
)
def test_when_in_words(start, end, all_day, ja, en):
    page = event(start=start, end=end, all_day=all_day)
    assert page.presented().when == ja
    assert page.presented("en").when == en


def test_when_is_tokyo_time_whatever_the_stored_zone():
    page = event(
        start=datetime.datetime(2026, 12, 10, 9, tzinfo=UTC),
        end=datetime.datetime(2026, 12, 10, 11, tzinfo=UTC),
    )
    assert page.presented().when == "2026年12月10日（木） 18:00〜20:00"
    assert page.presented().start_iso == "2026-12-10T18:00:00+09:00"


def test_jp_date_reads_an_instant_in_tokyo_and_a_plain_date():
    assert (
        presenter.jp_date(datetime.datetime(2026, 11, 30, 15, tzinfo=UTC)) == "2026年12月1日（火）"
    )
    assert presenter.jp_date(datetime.date(2026, 12, 6)) == "2026年12月6日（日）"


def test_the_original_start_of_a_rescheduled_event():
    moved = event(status="rescheduled", previous_start=at(2026, 12, 3, 18, 30))
    assert moved.presented().previous_start == at(2026, 12, 3, 18, 30)
    assert moved.presented().previous_when == "当初の予定: 2026年12月3日（木） 18:30"
    assert moved.presented("en").previous_when == "Originally Thu 3 Dec 2026 18:30"
    whole_day = event(status="rescheduled", all_day=True, previous_start=at(2026, 12, 3))
    assert whole_day.presented().previous_when == "当初の予定: 2026年12月3日（木）"
    # A leftover original start of an event that is no longer rescheduled says nothing.
    back = event(status="scheduled", previous_start=at(2026, 12, 3, 18, 30))
    assert back.presented().previous_start is None and back.presented().previous_when == ""


def test_the_days_of_an_event_in_tokyo():
    page = event(
        start=datetime.datetime(2026, 11, 30, 15, 30, tzinfo=UTC),  # 1 Dec 00:30 in Tokyo
        end=datetime.datetime(2026, 12, 2, 14, 59, 59, tzinfo=UTC),  # 2 Dec 23:59:59
        all_day=True,
    )
    shown = page.presented()
    assert (shown.first_day, shown.last_day, shown.end_day) == (
        datetime.date(2026, 12, 1),
        datetime.date(2026, 12, 2),
        datetime.date(2026, 12, 3),
    )


def test_presentations_are_kept_per_language():
    page = event()
    assert page.presented() is page.presented()
    assert page.presented("en") is not page.presented()


def test_month_labels():
    december = windows.one_month(2026, 12)
    assert presenter.month_label(december) == "2026年12月"
    assert presenter.month_label(december, "en") == "December 2026"
    assert presenter.month_label(windows.one_month(2027, 1), "en") == "January 2027"


def test_events_grouped_by_month_each_in_every_month_it_touches():
    spanning = event(pk=1, start=at(2026, 12, 30, 10), end=at(2027, 1, 2, 10))
    december = event(pk=2, start=at(2026, 12, 5, 10), end=at(2026, 12, 5, 12))
    march = event(pk=3, start=at(2027, 3, 1, 10), end=at(2027, 3, 1, 12))
    groups = months.group_by_month(
        iter([spanning, december, march]), windows.months_from(2026, 12, 2), "en"
    )
    assert [(g.key, g.label) for g in groups] == [
        ("2026-12", "December 2026"),
        ("2027-01", "January 2027"),
    ]
    assert [[e.pk for e in g.events] for g in groups] == [[1, 2], [1]]


# -- iCalendar --------------------------------------------------------------------------------


def test_text_values_are_escaped():
    assert ical.escape_text("a\\b;c,d\r\ne\rf\ng") == "a\\\\b\\;c\\,d\\ne\\nf\\ng"


def test_lines_fold_at_75_octets_without_splitting_a_character():
    line = "SUMMARY:" + "横浜" * 40
    folded = ical.fold(line)
    pieces = folded.split("\r\n ")
    assert "".join(pieces) == line
    assert all(len(p.encode()) <= 75 for p in pieces[:1])
    assert all(len(p.encode()) <= 74 for p in pieces[1:])
    assert len(pieces[0].encode()) > 70  # as full as whole characters allow
    assert ical.fold("SHORT:1") == "SHORT:1"
    assert ical.fold("X:" + "a" * 73) == "X:" + "a" * 73  # exactly 75 octets: one line


def test_utc_stamp():
    assert ical.utc_stamp(at(2026, 12, 10, 18, 0, 5)) == "20261210T090005Z"


def calendar_of(page, **text):
    body = ical.calendar(
        [(page, text_of(page, **text))],
        name="イグレン, 予定",
        description="今月と来月",
        uid_domain="igren.example",
        now=at(2026, 12, 1, 9),
    )
    return body, icalendar.Calendar.from_ical(body)


def test_a_timed_event_in_icalendar():
    page = event(calendar_sequence=3)
    page.last_published_at = at(2026, 11, 20, 10)
    page.first_published_at = at(2026, 11, 2, 10)
    body, calendar = calendar_of(page, categories=["国際", "交流, 親睦"])
    assert body.endswith(b"END:VCALENDAR\r\n") and b"\n" not in body.replace(b"\r\n", b"")
    assert "\r\nX-WR-CALNAME:イグレン\\, 予定\r\n" in body.decode()
    assert str(calendar["X-WR-TIMEZONE"]) == "Asia/Tokyo"
    vevent = calendar.walk("VEVENT")[0]
    assert str(vevent["UID"]) == "event-42@igren.example"
    assert vevent["DTSTART"].dt == at(2026, 12, 10, 18)
    assert vevent["DTEND"].dt == at(2026, 12, 10, 20)
    assert vevent["DTSTART"].params["TZID"] == "Asia/Tokyo"
    assert int(vevent["SEQUENCE"]) == 3
    assert str(vevent["STATUS"]) == "CONFIRMED"
    assert vevent["DTSTAMP"].dt == at(2026, 11, 20, 10)
    assert vevent["LAST-MODIFIED"].dt == at(2026, 11, 20, 10)
    assert vevent["CREATED"].dt == at(2026, 11, 2, 10)
    assert str(vevent["SUMMARY"]) == "交流会"
    assert str(vevent["LOCATION"]) == "かながわ 県民ホール 〒231-0023 横浜市中区山下町3-1"
    assert str(vevent["URL"]) == "https://igren.example/events/meeting/"
    assert (
        str(vevent["DESCRIPTION"]) == "年末の交流会です。\n\nhttps://igren.example/events/meeting/"
    )
    assert [str(c) for c in vevent["CATEGORIES"].cats] == ["国際", "交流, 親睦"]


def test_an_all_day_cancelled_event_in_icalendar():
    page = event(
        status="cancelled",
        all_day=True,
        start=at(2026, 12, 12),
        end=at(2026, 12, 13, 23, 59, 59),
    )
    _body, calendar = calendar_of(page, summary="", url=None, location="")
    vevent = calendar.walk("VEVENT")[0]
    assert vevent["DTSTART"].dt == datetime.date(2026, 12, 12)
    assert vevent["DTEND"].dt == datetime.date(2026, 12, 14)  # exclusive, as RFC 5545 wants
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert str(vevent["SUMMARY"]) == "【中止】交流会"
    assert vevent["DTSTAMP"].dt == at(2026, 12, 1, 9)  # never published: the time asked
    for absent in ("LOCATION", "URL", "DESCRIPTION", "CATEGORIES", "CREATED"):
        assert absent not in vevent


def test_a_postponed_event_is_tentative():
    _body, calendar = calendar_of(event(status="postponed"))
    assert str(calendar.walk("VEVENT")[0]["STATUS"]) == "TENTATIVE"


# -- RSS, Atom and JSON Feed -----------------------------------------------------------------


def test_feed_items_say_when_and_where():
    page = event(attendance_mode="mixed", online_url="https://m.example/")
    html = syndication.item_html(page, text_of(page, body_html="<p>本文</p>"))
    assert html == (
        "<p>日時: 令和8年12月10日（木） 18:00〜20:00</p>\n"
        "<p>場所: かながわ 県民ホール 〒231-0023 横浜市中区山下町3-1 ／ オンライン</p>\n"
        "<p>年末の交流会です。</p>\n<p>本文</p>"
    )
    english = syndication.item_html(page, text_of(page, summary="", location=""), "en")
    assert english == "<p>When: Thu 10 Dec 2026, 18:00–20:00</p>"


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_rss_and_atom(kind):
    page = event(status="postponed")
    page.first_published_at = at(2026, 11, 2, 10)
    page.last_published_at = at(2026, 11, 20, 10)
    body = syndication.build(
        kind,
        [(page, text_of(page, categories=["国際"]))],
        title="イグレンのイベント",
        link="https://igren.example/",
        feed_url=f"https://igren.example/feeds/events.{kind}",
        description="今月と来月",
        uid_domain="igren.example",
    )
    feed = feedparser.parse(body)
    assert not feed.bozo and feed.feed.title == "イグレンのイベント"
    entry = feed.entries[0]
    assert entry.title == "【延期】交流会"
    assert entry.link == "https://igren.example/events/meeting/"
    assert entry.id == "tag:igren.example,1984:event-42"
    assert [t.term for t in entry.tags] == ["国際"]
    assert "日時: 令和8年12月10日（木） 18:00〜20:00" in (entry.get("summary") or "")
    if kind == "rss":  # the tag URI is an id, not an address
        assert b'<guid isPermaLink="false">tag:igren.example,1984:event-42</guid>' in body


def test_json_feed_item():
    page = event(attendance_mode="online", online_url="https://m.example/j")
    page.first_published_at = at(2026, 11, 2, 10)
    page.last_published_at = at(2026, 11, 20, 10)
    item = jsonfeed.item(page, text_of(page, categories=["国際"]), "igren.example")
    assert item["id"] == "tag:igren.example,1984:event-42"
    assert item["title"] == "交流会"
    assert item["url"] == "https://igren.example/events/meeting/"
    assert item["summary"] == "年末の交流会です。"
    assert item["tags"] == ["国際"]
    assert item["date_published"] == "2026-11-02T10:00:00+09:00"
    assert item["date_modified"] == "2026-11-20T10:00:00+09:00"
    assert item["_igren"] == {
        "start": "2026-12-10T18:00:00+09:00",
        "end": "2026-12-10T20:00:00+09:00",
        "all_day": False,
        "status": "scheduled",
        "attendance_mode": "online",
        "venue": None,  # online only: the hall left over is not shown
        "online_url": "https://m.example/j",
        "ics_url": "https://igren.example/feeds/events/42.ics",
    }
    in_person = jsonfeed.item(event(), text_of(event(), url=None, summary=""), "igren.example")
    assert in_person["_igren"]["venue"] == {
        "name": "かながわ 県民ホール",
        "postal_code": "231-0023",
        "address": "横浜市中区山下町3-1",
    }
    for absent in ("url", "summary", "date_published", "date_modified"):
        assert absent not in in_person


def test_json_feed_document():
    page = event()
    body = jsonfeed.build(
        [(page, text_of(page))],
        title="イグレン",
        home_page_url="https://igren.example/",
        feed_url="https://igren.example/feeds/events.json",
        description="今月と来月",
        uid_domain="igren.example",
        lang="en",
    )
    feed = json.loads(body)
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert (feed["title"], feed["language"]) == ("イグレン", "en")
    assert feed["home_page_url"] == "https://igren.example/"
    assert feed["feed_url"] == "https://igren.example/feeds/events.json"
    assert feed["description"] == "今月と来月"
    assert "イグレン".encode() in body  # UTF-8, not \\u escapes
    assert [i["id"] for i in feed["items"]] == ["tag:igren.example,1984:event-42"]


# -- schema.org ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fee", "price"),
    [
        ("無料", "0"),
        ("Free", "0"),
        ("1,000円", "1000"),
        ("２，０００円", "2000"),
        ("1.5万円", "15000"),
        ("3,000円（学生無料）", None),
        ("1,000〜2,000円", None),
        ("会費制", None),
    ],
)
def test_prices(fee, price):
    assert schema_org.price_of(fee) == price


def test_several_amounts_are_no_single_price():
    assert schema_org.price_of("一般 3,000円、学生 1,000円") is None


def test_a_timed_event_in_schema_org():
    page = event(status="rescheduled", previous_start=at(2026, 12, 3, 18), fee="1,000円")
    relations = EventRelations(organisations=[{"name": "日韓  ビジネス協議会", "website": ""}])
    data = schema_org.event_data(
        page, text_of(page, relations=relations, body_text="本文" * 300), "https://igren.example/"
    )
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"] == "交流会"
    assert data["startDate"] == "2026-12-10T18:00:00+09:00"
    assert data["endDate"] == "2026-12-10T20:00:00+09:00"
    assert data["previousStartDate"] == "2026-12-03T18:00:00+09:00"
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["url"] == "https://igren.example/events/meeting/"
    assert data["description"] == "年末の交流会です。"
    assert data["organizer"] == {"@type": "Organization", "name": "日韓 ビジネス協議会"}
    assert data["location"] == {
        "@type": "Place",
        "name": "かながわ 県民ホール",
        "address": {
            "@type": "PostalAddress",
            "addressCountry": "JP",
            "postalCode": "231-0023",
            # Google asks for the municipality and prefecture apart from the street.
            "addressRegion": "神奈川県",
            "addressLocality": "横浜市中区",
            "streetAddress": "山下町3-1",
        },
    }
    offers = data.pop("offers")
    assert offers.pop("availability") in (
        "https://schema.org/InStock",
        "https://schema.org/SoldOut",
    )
    assert offers == {
        "@type": "Offer",
        "priceCurrency": "JPY",
        "description": "1,000円",
        "price": "1000",
        "url": "https://igren.example/events/meeting/",
    }


def test_an_all_day_online_event_in_schema_org():
    page = event(
        all_day=True,
        start=at(2026, 12, 12),
        end=at(2026, 12, 13, 23, 59, 59),
        attendance_mode="online",
        online_url="https://m.example/j",
        fee="会費制",
        registration_url="https://forms.example/",
    )
    data = schema_org.event_data(page, text_of(page, url=None, summary="", body_text="b" * 600))
    assert (data["startDate"], data["endDate"]) == ("2026-12-12", "2026-12-13")
    assert data["location"] == {
        "@type": "VirtualLocation",
        "name": "オンライン",
        "url": "https://m.example/j",
    }
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["description"] == "b" * 500
    assert data["offers"]["url"] == "https://forms.example/"
    assert "price" not in data["offers"]  # 会費制 names no amount
    assert "url" not in data and "previousStartDate" not in data
    # No organiser named: the association, with its home page when known.
    assert data["organizer"]["@type"] == "Organization" and "url" not in data["organizer"]


def test_a_cancelled_mixed_event_in_schema_org_has_no_way_in():
    page = event(status="cancelled", attendance_mode="mixed", online_url="https://m.example/j")
    relations = EventRelations(
        organisations=[
            {"name": "A社", "website": "https://a.example/"},
            {"name": "B会", "website": ""},
        ]
    )
    data = schema_org.event_data(page, text_of(page, relations=relations), "https://igren.example/")
    assert [p["@type"] for p in data["location"]] == ["Place", "VirtualLocation"]
    # No way in, but Google requires a VirtualLocation's url: the event's own page.
    assert data["location"][1] == {
        "@type": "VirtualLocation",
        "name": "オンライン",
        "url": "https://igren.example/events/meeting/",
    }
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert data["organizer"] == [
        {"@type": "Organization", "name": "A社", "url": "https://a.example/"},
        {"@type": "Organization", "name": "B会"},
    ]
    assert "offers" not in data


def test_the_association_organises_what_names_no_organiser():
    page = event(status="postponed")
    data = schema_org.event_data(page, text_of(page), "https://igren.example/")
    assert data["organizer"]["url"] == "https://igren.example/"
    assert data["organizer"]["name"]
    assert data["eventStatus"] == "https://schema.org/EventPostponed"


def test_script_json_cannot_leave_its_script_element():
    text = schema_org.script_json({"a": "</script><!-- & \u2028\u2029 日本"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 日本"}
    assert "日本" in text  # UTF-8, not escaped
    assert schema_org.script_json({"a": 1, "b": [2]}) == '{"a":1,"b":[2]}'


# -- 祝日, 和暦 and 年度 ---------------------------------------------------------------------


def test_a_national_holiday_is_marked_and_named():
    # 2026-11-23 is 勤労感謝の日 (a Monday); 2026-09-22 is 国民の休日 between two holidays;
    # 2027-03-22 is the 振替休日 of 春分の日 on a Sunday (jpholiday names both).
    page = event(start=at(2026, 11, 23, 14), end=at(2026, 11, 23, 16))
    assert page.presented().when == "2026年11月23日（月・祝） 14:00〜16:00"
    assert page.presented().holiday == "勤労感謝の日"
    assert page.presented("en").when == "Mon 23 Nov 2026, 14:00–16:00"
    assert event(start=at(2026, 9, 22, 10), end=at(2026, 9, 22, 12)).presented().holiday == (
        "国民の休日"
    )
    assert event(start=at(2027, 3, 22, 10), end=at(2027, 3, 22, 12)).presented().holiday == (
        "春分の日 振替休日"
    )
    assert event().presented().holiday is None  # 2026-12-10, a Thursday


def test_when_in_era():
    page = event(start=at(2026, 12, 10, 18), end=at(2026, 12, 10, 20))
    assert page.presented().when_in_era == "令和8年12月10日（木） 18:00〜20:00"
    crossing = event(
        all_day=True, start=at(2019, 4, 30), end=at(2019, 5, 1, 23, 59, 59), venue=hall()
    )
    assert crossing.presented().when_in_era == "平成31年4月30日（火・祝）〜令和元年5月1日（水・祝）"
    assert crossing.presented("en").when_in_era == "Tue 30 Apr 2019 – Wed 1 May 2019"
    assert presenter.jp_date(datetime.date(1989, 1, 7), era=True) == "昭和64年1月7日（土）"
    assert presenter.jp_date(datetime.date(1989, 1, 8), era=True) == "平成元年1月8日（日）"


@pytest.mark.parametrize(
    ("start", "year", "label"),
    [
        (at(2026, 4, 1, 0, 0), 2026, "令和8年度"),
        (at(2026, 3, 31, 23, 59), 2025, "令和7年度"),
        (at(2027, 3, 31, 18), 2026, "令和8年度"),
        (at(2019, 6, 1, 10), 2019, "令和元年度"),
        (at(1989, 2, 1, 10), 1988, "昭和63年度"),
        (at(1989, 4, 1, 10), 1989, "平成元年度"),
    ],
)
def test_the_fiscal_year_an_event_starts_in(start, year, label):
    shown = event(start=start, end=start + datetime.timedelta(hours=2)).presented()
    assert (shown.fiscal_year, shown.fiscal_year_label) == (year, label)


def test_a_fiscal_year_window_counts_events_by_their_start():
    window = windows.fiscal_year_window(2026)
    assert (window.start, window.end) == (at(2026, 4, 1), at(2027, 4, 1))
    assert dict(window.q_start().children) == {
        "start__gte": at(2026, 4, 1),
        "start__lt": at(2027, 4, 1),
    }


def test_every_continuation_line_is_as_full_as_whole_characters_allow():
    folded = ical.fold("DESCRIPTION:" + "かながわ" * 60)
    pieces = folded.split("\r\n ")
    assert len(pieces) > 3
    # 3-octet characters: 74 octets of room hold 24 of them (72 octets) on a continuation line.
    assert all(len(p.encode()) == 72 for p in pieces[1:-1])


def test_era_dates_start_with_the_gregorian_calendar():
    assert presenter.jp_date(datetime.date(1873, 1, 1), era=True) == "明治6年1月1日（水・祝）"
    assert presenter.jp_date(datetime.date(1872, 12, 31), era=True) == "1872年12月31日（火）"


def test_fiscal_year_windows_of_odd_and_even_years():
    assert windows.fiscal_year_window(2027).end == at(2028, 4, 1)
    assert windows.fiscal_year_window(2026).end == at(2027, 4, 1)


def test_this_month_and_next_by_default():
    now = datetime.datetime(2026, 12, 15, 3, tzinfo=UTC)
    assert [m.key for m in windows.current_months(now=now)] == ["2026-12", "2027-01"]


def test_the_first_line_holds_75_octets_and_each_continuation_74():
    assert ical.fold("X:" + "a" * 74).split("\r\n ") == ["X:" + "a" * 73, "a"]
    pieces = ical.fold("DESCRIPTION:" + "a" * 400).split("\r\n ")
    assert len(pieces[0]) == 75
    assert {len(p) for p in pieces[1:-1]} == {74}


def test_only_a_rescheduled_event_has_an_original_start():
    for status in ("cancelled", "postponed", "scheduled"):
        shown = event(status=status, previous_start=at(2026, 12, 3, 18)).presented()
        assert shown.previous_start is None, status


def test_schema_org_without_any_place_has_no_location():
    page = event(venue=None)
    data = schema_org.event_data(page, text_of(page, body_text=""), "https://igren.example/")
    assert "location" not in data
    assert data["description"] == "年末の交流会です。"


def test_the_salon_and_project_organise_first():
    from wagtail.models import Page

    relations = EventRelations(
        salon=Page(id=5, title="県央サロン"),
        project=Page(id=6, title="国際ビジネス推進プロジェクト"),
        organisations=[{"name": "A社", "website": ""}],
    )
    page = event()
    data = schema_org.event_data(page, text_of(page, relations=relations))
    assert [o["name"] for o in data["organizer"]] == [
        "県央サロン",
        "国際ビジネス推進プロジェクト",
        "A社",
    ]


def test_feed_items_name_the_holiday():
    """勤労感謝の日 (2026-11-23, a Monday): marked （月・祝） and named after the time."""
    holiday = event(
        start=at(2026, 11, 23, 14),
        end=at(2026, 11, 23, 16),
        attendance_mode="online",
        online_url="https://m.example/",
    )
    html = syndication.item_html(holiday, text_of(holiday, summary="", location=""))
    assert html == "<p>日時: 令和8年11月23日（月・祝） 14:00〜16:00（勤労感謝の日）</p>"
