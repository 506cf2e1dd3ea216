"""The demo command builds the site from the source facts; a rerun changes nothing."""

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from igren_cms.demo import facts
from pages.events.windows import current_months
from pages.models import EventPage, HistoryPage, HomePage, ProjectPage, SalonPage
from snippets.models import Category, Organisation, Venue

pytestmark = pytest.mark.django_db


def test_every_project_the_source_names():
    titles = set(ProjectPage.objects.visible_to().values_list("title", flat=True))
    assert len(titles) == 18
    assert {
        "高齢者孤立防止支援協議会",
        "中小企業活性化推進条例の活用支援",
        "航空・宇宙産業参入支援まんてんプロジェクト",
        "JICA研修事業支援",
    } <= titles


def test_the_seven_salons_in_opening_order():
    salons = list(SalonPage.objects.visible_to().in_opening_order())
    assert [s.area_name for s in salons] == [
        "川崎",
        "横浜",
        "三浦半島",
        "西湘",
        "戸塚",
        "県央",
        "尾上町",
    ]
    kenou = next(s for s in salons if s.area_name == "県央")
    assert kenou.city == "海老名市"
    assert kenou.venue.name == "神奈川県産業技術センター"
    assert kenou.opened_label == "2010年（平成22年）"


def test_history_milestones_with_era_dates():
    entries = {e.title: e for e in HistoryPage.objects.get().timeline()}
    founding = entries["神奈川県異業種グループ連絡会議（異グ連）が発足"]
    assert founding.wareki == "昭和59年4月20日"
    assert "23" in founding.body
    assert entries["神奈川県異業種連携協議会に名称を変更"].wareki == "平成25年6月"
    assert entries["かながわ異業種交流センターへ移転"].date_label == "1995年4月1日"
    years = [e.date.year for e in HistoryPage.objects.get().timeline()]
    assert years == sorted(years)
    assert {2009, 2010, 2012, 2014, 2015, 2016} <= set(years)


def test_this_month_and_next_month_have_events_of_every_kind():
    this_month, next_month = current_months(2)
    for window in (this_month, next_month):
        assert EventPage.objects.visible_to().overlapping(window).count() >= 3
    events = EventPage.objects.visible_to().overlapping(this_month.span(next_month))
    assert events.filter(status="cancelled").exists()
    assert events.filter(attendance_mode="online").exists()
    assert any(e.presented().first_day != e.presented().last_day for e in events)
    assert events.filter(salon__isnull=False).exists()
    assert events.filter(project__isnull=False).exists()


def test_home_is_the_default_site_root():
    home = HomePage.objects.get()
    assert home.association_name == "神奈川県異業種連携協議会"
    assert home.get_site().root_page_id == home.pk
    assert not Page.objects.filter(depth=2).exclude(pk=home.pk).exists()


def test_a_second_run_changes_nothing():
    counts = (
        Page.objects.count(),
        Revision.objects.count(),
        Venue.objects.count(),
        Organisation.objects.count(),
        Category.objects.count(),
    )
    call_command("load_igren_demo", verbosity=0, without_meeting_rules=True, without_english=True)
    assert counts == (
        Page.objects.count(),
        Revision.objects.count(),
        Venue.objects.count(),
        Organisation.objects.count(),
        Category.objects.count(),
    )
    assert len(facts.PROJECTS) == 18


def test_the_example_meeting_rules_make_a_year_of_meetings(gql):
    """make run's demo: every salon has an example rule for this 年度, published, its coming
    meetings on the site (marked as examples); a second run adds nothing."""
    from pages import activity_report
    from pages.models import EventPage, MeetingRule, SalonPage
    from pages.models.meeting_rules import current_fiscal_year

    call_command("load_igren_demo", verbosity=0, without_english=True)
    year = current_fiscal_year()
    rules = MeetingRule.objects.filter(live=True, fiscal_year=year)
    assert rules.count() == len(facts.MEETING_RULES) == SalonPage.objects.count()
    meetings = EventPage.objects.live().filter(meeting_rule__in=rules)
    assert meetings.exists()
    assert all(facts.MEETING_RULE_NOTE in m.summary for m in meetings)
    totsuka = rules.get(salon__slug="totsuka")
    assert totsuka.text == "毎月第2月曜日 18:30〜20:30（祝日の場合は翌日）"
    moved = [m for m in totsuka.meetings() if m.outcome == "moved"]
    assert moved  # 成人の日 (and any other Monday holiday of the year) moves it to Tuesday
    salons = gql("{ salons { meetingRule { text } nextMeetings { start } } }")["data"]["salons"]
    assert all(s["meetingRule"] for s in salons)
    report = activity_report.editor_report(year)
    assert {g.name for g in report.groups if g.kind == "salon"} >= {
        rule.salon.title for rule in rules if rule.occurrences.exists()
    }
    before = (MeetingRule.objects.count(), EventPage.objects.count())
    call_command("load_igren_demo", verbosity=0, without_english=True)
    assert before == (MeetingRule.objects.count(), EventPage.objects.count())
