"""The `events` contract: Tokyo month windows, inclusive dates, filters and clear errors."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from pages.events.windows import current_months

pytestmark = pytest.mark.django_db
TOKYO = ZoneInfo("Asia/Tokyo")
T = datetime.datetime


def titles(gql, args):
    body = gql(f"{{ events({args}, perPage: 100) {{ items {{ title }} }} }}")
    assert "errors" not in body, body
    return [e["title"] for e in body["data"]["events"]["items"]]


@pytest.fixture
def boundary_events(make_event):
    """Events placed exactly around the 2026-11 / 2026-12 / 2027-01 boundaries (JST)."""
    make_event(
        "十月末から十一月へ",
        "b1",
        start=T(2026, 10, 31, 23, 0, tzinfo=TOKYO),
        end=T(2026, 11, 1, 1, 0, tzinfo=TOKYO),
    )
    make_event(
        "十月で終わる",
        "b2",
        start=T(2026, 10, 31, 22, 0, tzinfo=TOKYO),
        end=T(2026, 11, 1, 0, 0, tzinfo=TOKYO),
    )
    make_event(
        "大晦日",
        "b3",
        start=T(2026, 12, 31, 23, 30, tzinfo=TOKYO),
        end=T(2027, 1, 1, 0, 30, tzinfo=TOKYO),
    )
    make_event(
        "元日", "b4", start=T(2027, 1, 1, 0, 0, tzinfo=TOKYO), end=T(2027, 1, 1, 2, 0, tzinfo=TOKYO)
    )


def test_this_month_and_next_month_in_tokyo(gql, boundary_events):
    found = titles(gql, 'month: "2026-11", months: 2')
    assert "十月末から十一月へ" in found  # overlaps the start boundary
    assert "大晦日" in found  # overlaps the end boundary
    assert "十月で終わる" not in found  # ends exactly at 2026-11-01 00:00 JST
    assert "元日" not in found  # starts exactly at the exclusive end


def test_from_and_to_are_inclusive_local_dates(gql, boundary_events):
    found = titles(gql, 'from: "2027-01-01", to: "2027-01-01"')
    assert set(found) >= {"大晦日", "元日"}
    assert "十月末から十一月へ" not in found


def test_without_a_window_upcoming_events_soonest_first(gql):
    with time_machine.travel(T(2026, 11, 24, 12, 0, tzinfo=TOKYO), tick=False):
        body = gql("{ events(perPage: 100) { items { start end } } }")
    items = body["data"]["events"]["items"]
    assert items == sorted(items, key=lambda e: e["start"])
    assert all(e["end"] > "2026-11-24T12:00:00+09:00" for e in items)


def test_demo_months_window_matches_the_calendar(gql):
    this_month = current_months(1)[0].start
    found = titles(gql, f'month: "{this_month:%Y-%m}", months: 2')
    assert len(found) >= 6


def test_filters_by_salon_project_category_and_status(gql):
    assert titles(gql, 'month: "2000-01", months: 24, salon: "kenou"') == []
    window = f'month: "{current_months(1)[0].start:%Y-%m}", months: 2'
    assert titles(gql, f'{window}, salon: "kenou"') == ["県央サロン 例会"]
    assert titles(gql, f'{window}, project: "japan-korea-business"') == [
        "日韓ビジネス協議会 商談セミナー"
    ]
    assert "新事業・新技術支援フォーラム" in titles(gql, f'{window}, category: "academia"')
    assert titles(gql, f"{window}, status: CANCELLED") == ["国際ビジネス推進プロジェクト 勉強会"]


def test_japanese_search_matches_inside_words(gql):
    window = f'month: "{current_months(1)[0].start:%Y-%m}", months: 2'
    assert titles(gql, f'{window}, searchQuery: "交流会"') == [
        "尾上町サロン 夕べの交流会",
        "横浜サロン オンライン交流会",
    ]
    # full-width letters and an ideographic space are normalised
    assert titles(gql, f'{window}, searchQuery: "横浜\u3000ｵﾝﾗｲﾝ"') == [
        "横浜サロン オンライン交流会"
    ]


def test_order_newest_first(gql):
    window = f'month: "{current_months(1)[0].start:%Y-%m}", months: 2'
    forward = titles(gql, window)
    assert titles(gql, f"{window}, order: START_DESC") == list(reversed(forward))


def test_pagination_block(gql):
    window = f'month: "{current_months(1)[0].start:%Y-%m}", months: 2'
    body = gql(
        f"{{ events({window}, perPage: 3, page: 2) {{ items {{ title }} "
        "pagination { total count perPage currentPage prevPage nextPage totalPages } } }"
    )
    p = body["data"]["events"]["pagination"]
    assert p["total"] == 7 and p["perPage"] == 3 and p["currentPage"] == 2
    assert (p["prevPage"], p["nextPage"], p["totalPages"], p["count"]) == (1, 3, 3, 3)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ('month: "2026-13"', "month must look like 2026-11"),
        ('month: "november"', "month must look like 2026-11"),
        ('from: "2026-12-01", to: "2026-11-01"', "from must not be after to"),
        ("perPage: 0", "perPage must be between 1 and 100"),
        ("perPage: 10000", "perPage must be between 1 and 100"),
        ("page: 0", "page must be between 1 and 100000"),
        ('salon: "atlantis"', "Unknown salon 'atlantis'"),
        ('project: "nope"', "Unknown project 'nope'"),
        ('category: "nope"', "Unknown category 'nope'"),
        ("months: 0", "months must be between 1 and 24"),
        ('from: "2026-11-01", months: 2', "months goes with month"),
    ],
)
def test_bad_arguments_get_a_clear_graphql_error(gql, args, message):
    body = gql(f"{{ events({args}) {{ items {{ title }} }} home {{ title }} }}")
    # Only the field with the bad argument is null: its sibling keeps its data.
    assert body["data"]["events"] is None
    assert body["data"]["home"]["title"]
    error = body["errors"][0]
    assert message in error["message"]
    assert error["path"] == ["events"]
    expected = "NOT_FOUND" if "Unknown" in message else "BAD_USER_INPUT"
    assert error["extensions"]["code"] == expected
    text = str(body)
    assert "Traceback" not in text and "Choices are" not in text


@pytest.mark.parametrize(
    "args", ['order: "owner__password"', 'status: "deleted"', "status: DELETED", "order: start"]
)
def test_values_outside_an_enum_fail_validation(gql, args):
    body = gql(f"{{ events({args}) {{ items {{ title }} }} }}", status=400)
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert "owner__password" not in str(body) or "EventOrder" in str(body)


def test_an_unpublished_salon_slug_is_as_unknown_as_a_typo(gql):
    from pages.models import SalonPage

    SalonPage.objects.get(slug="miura").unpublish()
    body = gql('{ events(salon: "miura") { items { title } } }')
    assert "Unknown salon 'miura'" in body["errors"][0]["message"]


def test_event_by_slug_or_id(gql):
    by_slug = gql('{ event(slug: "new-tech-forum") { id title allDay } }')["data"]["event"]
    assert by_slug["allDay"] is True
    by_id = gql(f'{{ event(id: "{by_slug["id"]}") {{ title }} }}')["data"]["event"]
    assert by_id["title"] == by_slug["title"]
    assert gql('{ event(slug: "no-such") { title } }')["data"]["event"] is None
    assert "exactly one of slug or id" in gql("{ event { title } }")["errors"][0]["message"]


def test_rescheduled_event_keeps_its_previous_start(gql):
    event = gql('{ event(slug: "japan-korea-seminar") { status start previousStart } }')
    event = event["data"]["event"]
    assert event["status"] == "RESCHEDULED"
    assert event["previousStart"].endswith("+09:00")
    assert event["previousStart"] < event["start"]


def test_fiscal_year_holiday_and_era(gql, make_event):
    """令和8年度 runs from 2026-04-01 to 2027-03-31 in Tokyo; 勤労感謝の日 is marked."""
    from pages.events.windows import TOKYO

    def tokyo(*parts):
        return datetime.datetime(*parts, tzinfo=TOKYO)

    make_event("年度末の会", "fy-last", start=tokyo(2027, 3, 31, 18), end=tokyo(2027, 3, 31, 20))
    make_event("年度初めの会", "fy-first", start=tokyo(2027, 4, 1, 0), end=tokyo(2027, 4, 1, 2))
    make_event("祝日の会", "fy-holiday", start=tokyo(2026, 11, 23, 14), end=tokyo(2026, 11, 23, 16))
    body = gql(
        "{ events(fiscalYear: 2026, perPage: 100) { items { slug fiscalYear fiscalYearLabel"
        " holiday when era: when(era: true) } } }"
    )
    items = {i["slug"]: i for i in body["data"]["events"]["items"]}
    assert "fy-last" in items and "fy-holiday" in items and "fy-first" not in items
    assert {i["fiscalYear"] for i in items.values()} == {2026}
    assert items["fy-last"]["fiscalYearLabel"] == "令和8年度"
    assert items["fy-holiday"]["holiday"] == "勤労感謝の日"
    assert items["fy-holiday"]["when"] == "2026年11月23日（月・祝） 14:00〜16:00"
    assert items["fy-holiday"]["era"] == "令和8年11月23日（月・祝） 14:00〜16:00"
    assert items["fy-last"]["holiday"] is None
    mixed = gql('{ events(fiscalYear: 2026, month: "2026-11") { items { slug } } }')
    assert mixed["data"]["events"] is None
    assert mixed["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
