"""A 年度 of salon meetings entered by rule in a real browser (headless Chromium), as the office
staff do it: a 編集者 enters 県央サロン's 毎月第3月曜日 rule for 令和9年度 in at most ten actions,
sees the 祝日 (海の日, 敬老の日, 春分の日) handled in the preview, and submits once; a 承認者
approves once. Every date is then on the salon page, in GraphQL and in the calendar feed (read
by python icalendar and by ical.js), none on a holiday.
"""

import datetime
import json
import re
import urllib.parse
import urllib.request

import jpholiday
import pytest

from tests.feeds import ical_js, vevents
from tests.served_site import ServedSite
from tests.test_editors_day import screenshot

pytestmark = pytest.mark.tools(chromium=True, node="ical.js")

PASSWORD = "pw-meeting-rules-1"
# 令和9年度, 第3月曜日: 12 named days, of which 7/19 海の日, 9/20 敬老の日 and 3/20 春分の日.
HOLIDAYS = {"2027-07-19": "海の日", "2027-09-20": "敬老の日", "2028-03-20": "春分の日"}
MEETINGS = [
    "2027-04-19", "2027-05-17", "2027-06-21", "2027-08-16", "2027-10-18", "2027-11-15",
    "2027-12-20", "2028-01-17", "2028-02-21",
]  # fmt: skip


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    served = ServedSite(tmp_path_factory.mktemp("meeting-rules"), insecure_static=True)
    served.start()
    served.manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model;"
        "from django.contrib.auth.models import Group;"
        "User = get_user_model();"
        f"e = User.objects.create_user('suzuki', '', '{PASSWORD}', first_name='一郎',"
        " last_name='鈴木');"
        "e.groups.add(Group.objects.get(name='編集者'));"
        f"a = User.objects.create_user('tanaka', '', '{PASSWORD}', first_name='花子',"
        " last_name='田中');"
        "a.groups.add(Group.objects.get(name='承認者'))",
    )
    yield served
    served.stop()


def signed_in(browser, site, username):
    context = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto(site.url + "/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))
    return page


def api(site, query):
    url = f"{site.url}/graphql/?query={urllib.parse.quote(query)}"
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our own server
        body = json.load(response)
    assert "errors" not in body, body
    return body["data"]


def fetch(site, path) -> bytes:
    with urllib.request.urlopen(site.url + path, timeout=10) as response:  # noqa: S310
        return response.read()


class Actions:
    """Counts what the editor does: every click, choice, typed field and page opened."""

    def __init__(self, page):
        self.page, self.count = page, 0

    def goto(self, url):
        self.count += 1
        self.page.goto(url)

    def click(self, locator):
        self.count += 1
        locator.click()

    def select(self, selector, value):
        self.count += 1
        self.page.select_option(selector, value)


def test_a_year_of_meetings_by_rule_in_ten_actions(browser, site, tmp_path):
    salon = api(site, '{ salon(slug: "kenou") { id title } }')["salon"]
    editor = signed_in(browser, site, "suzuki")
    act = Actions(editor)
    act.goto(site.url + "/admin/snippets/igren_pages/meetingrule/")
    act.click(editor.get_by_role("link", name=re.compile(r"例会ルール\s*を追加")).first)
    act.select("#id_salon", salon["id"])
    act.select("#id_ordinal", "3")
    act.select("#id_weekday", "0")
    act.select("#id_fiscal_year", "2027")
    # Defaults: 毎月, 18:30〜20:30, 祝日は休会, 年末年始は休会, the salon's own venue.
    act.click(editor.locator('[data-side-panel-toggle="preview"]').first)
    preview = editor.frame_locator("iframe[data-preview-iframe], #w-preview-iframe").first
    preview.locator("h1").filter(
        has_text="毎月第3月曜日 18:30〜20:30（祝日の場合は休会）"
    ).wait_for()
    for day, name in HOLIDAYS.items():
        row = preview.locator(f'tr[data-date="{day}"]')
        assert f"{name}のため休会" in row.inner_text()
        assert "skipped" in row.get_attribute("class")
    assert preview.locator("tr.held").count() == len(MEETINGS)
    screenshot(editor, "meeting-rule-preview")
    act.click(editor.get_by_role("button", name="他のアクション"))
    act.click(editor.get_by_role("button", name="イグレン承認フローに提出する"))
    editor.get_by_text("承認に回しました").first.wait_for()
    assert act.count <= 10, f"{act.count} actions"
    # Submitted, not yet approved: no meeting is public.
    assert (
        api(site, '{ salon(slug: "kenou") { meetingRule { text } } }')["salon"]["meetingRule"]
        is None
    )

    approver = signed_in(browser, site, "tanaka")
    approver.get_by_text("県央サロン").first.wait_for()  # the dashboard's 承認待ち panel
    approver.goto(site.url + "/admin/snippets/igren_pages/meetingrule/")
    approver.get_by_role("link", name=re.compile("県央サロン")).first.click()
    approver.get_by_role("button", name="他のアクション").click()
    approver.get_by_role("button", name="承認と公開", exact=True).click()
    approver.wait_for_url(re.compile(r".*/admin/($|snippets/igren_pages/meetingrule/$)"))
    approver.get_by_text("が更新されました").first.wait_for()
    screenshot(approver, "meeting-rule-approved")

    data = api(
        site,
        '{ salon(slug: "kenou") { url meetingRule { text holidayPolicy fiscalYearLabel } '
        "nextMeetings(first: 50) { title start holiday url } } }",
    )["salon"]
    assert data["meetingRule"] == {
        "text": "毎月第3月曜日 18:30〜20:30（祝日の場合は休会）",
        "holidayPolicy": "SKIP",
        "fiscalYearLabel": "令和9年度",
    }
    meetings = data["nextMeetings"]
    assert [m["start"][:10] for m in meetings] == MEETINGS
    assert all(m["start"][11:16] == "18:30" and m["holiday"] is None for m in meetings)
    assert len({m["url"] for m in meetings}) == len(MEETINGS)

    salon_page = fetch(site, urllib.parse.urlsplit(data["url"]).path).decode()
    assert "毎月第3月曜日 18:30〜20:30（祝日の場合は休会）" in salon_page
    for day in MEETINGS:
        y, m, d = (int(part) for part in day.split("-"))
        assert f"令和{y - 2018}年{m}月{d}日（月）" in salon_page, day

    calendar = fetch(site, "/feeds/events.ics")
    ours = {
        uid: event
        for uid, event in vevents(calendar).items()
        if str(event["SUMMARY"]).startswith("県央サロン 例会")
        and event["DTSTART"].dt.date() >= datetime.date(2027, 4, 1)
    }
    days = sorted(event["DTSTART"].dt.date().isoformat() for event in ours.values())
    assert days == MEETINGS
    assert not any(jpholiday.is_holiday(datetime.date.fromisoformat(day)) for day in days)
    parsed = {event["uid"] for event in ical_js(calendar, tmp_path)}
    assert set(ours) <= parsed
