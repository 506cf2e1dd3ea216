"""Meeting rules (例会): the days a rule gives against the holiday library, and a rule's
meetings as event pages (created on approval, kept when edited or past)."""

import datetime

import jpholiday
import pytest
from django.utils import timezone
from hypothesis import given, settings
from hypothesis import strategies as st

from pages import meeting_occurrences as occurrences
from pages.events import meeting_days as rules
from pages.models import EventPage, MeetingRule, SalonPage
from snippets.models import Venue

YEAR_END = rules.Blackout((12, 29), (1, 3))


def named_by_brute_force(rule: rules.Rule) -> list[datetime.date]:
    """Every day of the period tested one by one: the weekday, the week of the month
    ((day - 1) // 7 + 1, or 'no same weekday later in the month' for 最終) and the month."""
    found, day = [], rule.first_day
    while day <= rule.last_day:
        if day.weekday() == rule.weekday:
            if rule.frequency == rules.WEEKLY:
                found.append(day)
            else:
                later = day + datetime.timedelta(days=7)
                week_ok = (
                    later.month != day.month
                    if rule.ordinal == rules.LAST
                    else (day.day - 1) // 7 + 1 == rule.ordinal
                )
                month_ok = {
                    rules.MONTHLY: True,
                    rules.ODD_MONTHS: day.month % 2 == 1,
                    rules.EVEN_MONTHS: day.month % 2 == 0,
                    rules.CHOSEN_MONTHS: day.month in rule.months,
                }[rule.frequency]
                if week_ok and month_ok:
                    found.append(day)
        day += datetime.timedelta(days=1)
    return found


def in_year_end(day):
    return (day.month, day.day) >= (12, 29) or (day.month, day.day) <= (1, 3)


random_rules = st.builds(
    rules.Rule,
    frequency=st.sampled_from(rules.FREQUENCIES),
    weekday=st.integers(0, 6),
    start_time=st.just(datetime.time(18, 30)),
    end_time=st.just(datetime.time(20, 30)),
    first_day=st.dates(datetime.date(2020, 4, 1), datetime.date(2029, 3, 31)),
    last_day=st.just(None),
    ordinal=st.sampled_from(rules.ORDINALS),
    months=st.sets(st.integers(1, 12), min_size=1).map(lambda s: tuple(sorted(s))),
    holiday_policy=st.sampled_from(rules.HOLIDAY_POLICIES),
    blackout=st.sampled_from([None, YEAR_END]),
)


@settings(max_examples=300, deadline=None)
@given(rule=random_rules, length=st.integers(0, 400))
def test_the_generator_agrees_with_the_holiday_library(rule, length):
    """Ten years (2020–2030) of random rules and policies, checked day by day against
    jpholiday and a brute-force reading of the rule."""
    rule = rules.Rule(
        **{**rule.__dict__, "last_day": rule.first_day + datetime.timedelta(days=length)}
    )
    found = rules.meetings(rule)
    assert [m.nominal for m in found] == named_by_brute_force(rule)
    held = [m.day for m in found if m.held]
    assert len(held) == len(set(held)), "two meetings on one day"
    for meeting in found:
        nominal = meeting.nominal
        blocked = rule.blackout is not None and in_year_end(nominal)
        holiday = jpholiday.is_holiday(nominal) and rule.holiday_policy != rules.HOLD
        if not (blocked or holiday):
            assert meeting.outcome == rules.HELD and meeting.day == nominal
            continue
        assert meeting.reason == ("年末年始" if blocked else jpholiday.is_holiday_name(nominal))
        if rule.holiday_policy == rules.SKIP or blocked:
            assert meeting.outcome == rules.SKIPPED
            continue
        if meeting.outcome == rules.SKIPPED:
            continue  # moving would leave the period or meet another meeting's day
        day = meeting.day
        assert rule.first_day <= day <= rule.last_day
        assert not jpholiday.is_holiday(day)
        assert not (rule.blackout and in_year_end(day))
        step = -1 if rule.holiday_policy == rules.DAY_BEFORE else 1
        between = [
            nominal + datetime.timedelta(days=step * n) for n in range(1, abs((day - nominal).days))
        ]
        # the nearest open day in the policy's direction
        assert all(jpholiday.is_holiday(d) or (rule.blackout and in_year_end(d)) for d in between)
        assert (day - nominal).days * step > 0


def test_the_rule_reads_in_japanese():
    rule = rules.Rule(
        rules.MONTHLY,
        3,
        datetime.time(18, 30),
        datetime.time(20, 30),
        datetime.date(2027, 4, 1),
        datetime.date(2028, 3, 31),
        ordinal=3,
    )
    assert rules.rule_text(rule) == "毎月第3木曜日 18:30〜20:30（祝日の場合は休会）"
    every_week = rules.Rule(
        **{
            **rule.__dict__,
            "frequency": rules.WEEKLY,
            "weekday": 2,
            "holiday_policy": rules.DAY_AFTER,
        }
    )
    assert rules.rule_text(every_week) == "毎週水曜日 18:30〜20:30（祝日の場合は翌日）"
    chosen = rules.Rule(
        **{
            **rule.__dict__,
            "frequency": rules.CHOSEN_MONTHS,
            "months": (1, 4, 7, 10),
            "ordinal": rules.LAST,
            "weekday": 4,
            "holiday_policy": rules.HOLD,
        }
    )
    assert rules.rule_text(chosen) == "4・7・10・1月の最終金曜日 18:30〜20:30（祝日も開催）"
    odd = rules.Rule(
        **{
            **rule.__dict__,
            "frequency": rules.ODD_MONTHS,
            "ordinal": 2,
            "weekday": 1,
            "holiday_policy": rules.DAY_BEFORE,
        }
    )
    assert rules.rule_text(odd) == "隔月（奇数月）第2火曜日 18:30〜20:30（祝日の場合は前日）"


def test_a_monday_rule_meets_umi_no_hi():
    """令和9年度, 第3月曜日: 海の日 (7/19), 敬老の日 (9/20) and 春分の日 (3/20) fall on it."""
    rule = rules.Rule(
        rules.MONTHLY,
        0,
        datetime.time(18, 30),
        datetime.time(20, 30),
        datetime.date(2027, 4, 1),
        datetime.date(2028, 3, 31),
        ordinal=3,
        holiday_policy=rules.SKIP,
        blackout=YEAR_END,
    )
    skipped = {m.nominal: m.reason for m in rules.meetings(rule) if not m.held}
    assert skipped == {
        datetime.date(2027, 7, 19): "海の日",
        datetime.date(2027, 9, 20): "敬老の日",
        datetime.date(2028, 3, 20): "春分の日",
    }
    after = rules.Rule(**{**rule.__dict__, "holiday_policy": rules.DAY_AFTER})
    assert datetime.date(2027, 7, 20) in rules.held_days(after)
    assert len(rules.held_days(after)) == 12


# -- the rule's meetings as event pages ------------------------------------------------------


def yokohama_rule(**fields):
    salon = SalonPage.objects.get(slug="yokohama")
    values = {
        "salon": salon,
        "frequency": rules.MONTHLY,
        "ordinal": 3,
        "weekday": 0,
        "start_time": datetime.time(18, 30),
        "end_time": datetime.time(20, 30),
        "fiscal_year": 2027,
        "holiday_policy": rules.DAY_AFTER,
        "venue": Venue.objects.order_by("pk").first(),
    }
    values.update(fields)
    rule = MeetingRule(**values)
    rule.full_clean()
    rule.save()
    return rule


@pytest.mark.django_db
def test_publishing_a_rule_creates_its_meetings_and_a_second_publish_keeps_edits():
    rule = yokohama_rule()
    rule.save_revision().publish()
    meetings = list(EventPage.objects.filter(meeting_rule=rule).live().order_by("start"))
    assert len(meetings) == 12
    july = meetings[3]
    assert july.start.astimezone(datetime.timezone(datetime.timedelta(hours=9))).date() == (
        datetime.date(2027, 7, 20)
    )
    assert "海の日のため" in july.summary and "翌日" in july.summary
    assert july.slug.startswith("2027-07-20-")
    assert len({m.slug for m in meetings}) == 12
    assert july.salon.slug == "yokohama" and july.venue_id == rule.venue_id

    # An editor cancels the August meeting; then the rule moves to 18:00 and is published again.
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.create_superuser("rule-editor")
    august = meetings[4].specific
    august.status = EventPage.Status.CANCELLED
    august.save_revision(user=editor).publish(user=editor)
    rule.start_time = datetime.time(18, 0)
    rule.holiday_policy = rules.SKIP
    rule.save_revision().publish()
    after = {m.meeting_date: m for m in EventPage.objects.filter(meeting_rule=rule)}
    assert len(after) == 9  # the 海の日, 敬老の日 and 春分の日 meetings removed
    assert after[datetime.date(2027, 8, 16)].status == EventPage.Status.CANCELLED
    assert after[datetime.date(2027, 8, 16)].start.astimezone(rules_tz()).hour == 18
    assert after[datetime.date(2027, 8, 16)].start.astimezone(rules_tz()).minute == 30
    assert after[datetime.date(2027, 10, 18)].start.astimezone(rules_tz()).hour == 18
    assert after[datetime.date(2027, 10, 18)].start.astimezone(rules_tz()).minute == 0


def rules_tz():
    from pages.events.windows import TOKYO

    return TOKYO


@pytest.mark.django_db
def test_a_rule_published_late_announces_no_meeting_already_past():
    rule = yokohama_rule(fiscal_year=2026)
    result = occurrences.sync(rule, now=datetime.datetime(2026, 12, 2, tzinfo=rules_tz()))
    assert [p.meeting_date.month for p in result.created] == [12, 1, 2, 3]
    assert timezone.now()  # the clock is not frozen: sync's own `now` decided


@pytest.mark.django_db
def test_the_api_gives_the_rule_and_the_coming_meetings(gql):
    rule = yokohama_rule()
    rule.save_revision().publish()
    query = """{ salon(slug: "yokohama") { meetingRule { text holidayPolicy fiscalYearLabel }
        nextMeetings(first: 3) { title start holiday when(era: true) } }
      salons { slug meetingRule { text } } }"""
    data = gql(query)["data"]
    salon = data["salon"]
    assert salon["meetingRule"] == {
        "text": "毎月第3月曜日 18:30〜20:30（祝日の場合は翌日）",
        "holidayPolicy": "DAY_AFTER",
        "fiscalYearLabel": "令和9年度",
    }
    assert [m["start"][:10] for m in salon["nextMeetings"]] == [
        "2027-04-19",
        "2027-05-17",
        "2027-06-21",
    ]
    assert salon["nextMeetings"][0]["when"] == "令和9年4月19日（月） 18:30〜20:30"
    others = [s for s in data["salons"] if s["slug"] != "yokohama"]
    assert all(s["meetingRule"] is None for s in others)
    # Unpublished, the rule is gone from the API (its meetings stay: they are events of their own).
    rule.unpublish()
    assert gql(query)["data"]["salon"]["meetingRule"] is None
    assert gql('{ salon(slug: "yokohama") { nextMeetings(first: 51) { title } } }')["errors"]


@pytest.mark.django_db
def test_the_salon_page_shows_the_rule_and_the_coming_meetings(client):
    rule = yokohama_rule()
    rule.save_revision().publish()
    salon = SalonPage.objects.get(slug="yokohama")
    page = client.get(salon.url).content.decode()
    assert "毎月第3月曜日 18:30〜20:30（祝日の場合は翌日）" in page
    assert "令和9年度" in page
    meetings = page.split('id="meetings"')[1].split("</section>")[0]
    assert meetings.count('class="event scheduled"') == 12
    first = EventPage.objects.filter(meeting_rule=rule).order_by("start").first()
    assert first.url in page


@pytest.mark.django_db
def test_rules_and_meetings_of_every_salon_cost_a_fixed_number_of_queries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    query = (
        "{ salons { title meetingRule { text } "
        "nextMeetings(first: 50) { title salon { title } } otherEvents { title } } }"
    )

    def count():
        with CaptureQueriesContext(connection) as queries:
            response = client.post("/graphql/", {"query": query}, content_type="application/json")
        body = response.json()
        assert "errors" not in body, body
        return len(queries), body

    # Two months of each rule: two meetings apiece (what is counted is queries, not rows).
    short = {"starts_on": datetime.date(2027, 4, 1), "ends_on": datetime.date(2027, 5, 31)}
    yokohama_rule(**short).save_revision().publish()
    count()  # the shared cache warm (its cold cost is pinned in test_api_query_counts)
    one, body = count()
    others = SalonPage.objects.exclude(slug="yokohama").order_by("path")[:3]
    venue = Venue.objects.order_by("pk").first()
    for salon in others:
        yokohama_rule(salon=salon, weekday=2, venue=venue, **short).save_revision().publish()
    four, body = count()
    assert sum(1 for s in body["data"]["salons"] if s["meetingRule"]) == 4
    assert sum(len(s["nextMeetings"]) for s in body["data"]["salons"]) == 8
    assert four == one


@pytest.mark.django_db
def test_the_salon_page_lists_its_other_events_too(client, make_event, gql):
    """今後のイベント: the host's coming events that are not meetings, on the served page and in
    `otherEvents`, the same ones in the same order."""
    salon = SalonPage.objects.get(slug="yokohama")
    yokohama_rule().save_revision().publish()
    make_event("横浜サロン 特別講演会", slug="yokohama-special", salon=salon)
    page = client.get(salon.url).content.decode()
    assert "今後のイベント" in page and "横浜サロン 特別講演会" in page
    data = gql('{ salon(slug: "yokohama") { nextMeetings { title } otherEvents { title } } }')
    shown = data["data"]["salon"]
    assert shown["nextMeetings"] and "横浜サロン 特別講演会" not in str(shown["nextMeetings"])
    others = [event["title"] for event in shown["otherEvents"]]
    assert "横浜サロン 特別講演会" in others
    section = page[page.index("今後のイベント") :]
    assert [title for title in others if title in section] == others  # all of them, served
    assert sorted(others, key=section.index) == others  # in the same order


@pytest.mark.django_db
def test_a_project_meets_by_rule_too(gql):
    from pages.models import ProjectPage

    project = ProjectPage.objects.order_by("path").first()
    rule = yokohama_rule(
        salon=None,
        project=project,
        frequency=rules.CHOSEN_MONTHS,
        months="4,7,10,1",
        ordinal=rules.LAST,
        weekday=4,
        holiday_policy=rules.HOLD,
    )
    rule.save_revision().publish()
    query = '{ project(slug: "%s") { meetingRule { text holidayPolicy } nextMeetings { start } } }'
    data = gql(query % project.slug)["data"]["project"]
    assert data["meetingRule"] == {
        "text": "4・7・10・1月の最終金曜日 18:30〜20:30（祝日も開催）",
        "holidayPolicy": "HOLD",
    }
    assert [m["start"][:10] for m in data["nextMeetings"]] == [
        "2027-04-30",
        "2027-07-30",
        "2027-10-29",
        "2028-01-28",
    ]
