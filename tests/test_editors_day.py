"""An editor's day in a real browser (headless Chromium), against the standalone site served over
HTTP — on PostgreSQL in the PostgreSQL pass (a database of its own), on SQLite otherwise.

An approver (承認者) logs in, creates an event whose end is before its start and sees the
Japanese error next to the field with everything typed still there, fixes it and publishes,
schedules another, cancels one, and searches the admin for 釜石. With
IGREN_WRITE_SCREENSHOT=1 the key screens are saved to docs/images/ for docs/editors.md.
"""

import datetime
import json
import os
import re
import urllib.parse
import urllib.request
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.outside_tools import CHROMIUM_ARGS, chromium, scratch_postgres_database
from tests.served_site import ServedSite

pytestmark = pytest.mark.tools(chromium=True)

PASSWORD = "pw-editors-day-1"
IMAGES = Path(__file__).resolve().parent.parent / "docs" / "images"
TOKYO = ZoneInfo("Asia/Tokyo")


def screenshot(page, name):
    if os.environ.get("IGREN_WRITE_SCREENSHOT") == "1":
        IMAGES.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(IMAGES / f"editors-{name}.png"))


@pytest.fixture(scope="module")
def database_url():
    """A PostgreSQL database of its own when this pass runs on PostgreSQL, else SQLite."""
    yield from scratch_postgres_database("igren_editors_day")


@pytest.fixture(scope="module")
def site(tmp_path_factory, database_url):
    env = {"DATABASE_URL": database_url} if database_url else None
    served = ServedSite(tmp_path_factory.mktemp("editors-day"), env, insecure_static=True)
    served.start()
    served.manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model;"
        "from django.contrib.auth.models import Group;"
        f"u = get_user_model().objects.create_user('tanaka', '', '{PASSWORD}',"
        " first_name='花子', last_name='田中');"
        "u.groups.add(Group.objects.get(name='承認者'))",
    )
    yield served
    served.stop()


@pytest.fixture(scope="module")
def page(site):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        context = browser.new_context(locale="ja-JP", viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.set_default_timeout(20_000)
        yield page
        browser.close()


def api(site, query):
    url = f"{site.url}/graphql/?query={urllib.parse.quote(query)}"
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our own server
        return json.load(response)["data"]


def tokyo_text(moment: datetime.datetime) -> str:
    return moment.astimezone(TOKYO).strftime("%Y-%m-%d %H:%M")


def fill_event(page, title, start, end):
    page.fill("#id_title", title)
    page.fill("#id_start", tokyo_text(start))
    page.fill("#id_end", tokyo_text(end))
    page.select_option("#id_attendance_mode", "online")
    page.fill("#id_online_url", "https://meet.example.jp/igren-autumn")
    close_date_pickers(page)


def close_date_pickers(page):
    """Wagtail's date picker stays open over the buttons after typing a date; an editor clicks
    elsewhere to close it."""
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.wait_for_timeout(300)  # the picker opens a moment after the field gets focus
    page.evaluate(
        "document.querySelectorAll('.xdsoft_datetimepicker').forEach(p => p.style.display = 'none')"
    )


def publish(page):
    page.get_by_role("button", name="他のアクション").click()
    page.get_by_role("button", name="公開", exact=True).click()


def test_an_editors_day(page, site):
    events_index = api(site, '{ page(path: "/events/") { id } }')["page"]["id"]
    soon = datetime.datetime.now(TOKYO).replace(second=0, microsecond=0)
    start = (soon + datetime.timedelta(days=7)).replace(hour=18, minute=0)

    # Log in, as 承認者 (may publish).
    page.goto(site.url + "/admin/login/")
    screenshot(page, "login")
    page.fill("input[name=username]", "tanaka")
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))
    assert "今月と来月のイベント" in page.inner_text("main")
    screenshot(page, "dashboard")

    # An end before the start: a Japanese error at the field, nothing typed is lost.
    page.goto(f"{site.url}/admin/pages/add/igren_pages/eventpage/{events_index}/")
    fill_event(page, "秋の異業種交流会", start, start - datetime.timedelta(hours=1))
    page.fill("#id_summary", "会員企業どうしの新しいつながりをつくる交流会です。")
    publish(page)
    message = page.get_by_text("終了日時は開始日時より後にしてください。")
    message.wait_for()
    # Next to the field: the error sits in the end field's own wrapper.
    wrapper = page.locator("[data-field-wrapper]").filter(has=page.locator("#id_end"))
    assert "終了日時は開始日時より後に" in wrapper.inner_text()
    assert page.input_value("#id_title") == "秋の異業種交流会"
    assert page.input_value("#id_summary") == "会員企業どうしの新しいつながりをつくる交流会です。"
    assert "入力エラーのため" in page.inner_text("body")
    screenshot(page, "validation")

    # Fixed, then published: on the site and in the API at once.
    page.fill("#id_end", tokyo_text(start + datetime.timedelta(hours=2)))
    close_date_pickers(page)
    publish(page)
    page.get_by_text("公開されました").first.wait_for()
    listing = urllib.request.urlopen(f"{site.url}/events/", timeout=10).read().decode()  # noqa: S310
    assert "秋の異業種交流会" in listing
    slug = api(site, '{ search(query: "秋の異業種交流会") { items { path } } }')["search"]
    assert slug["items"], "the new event is found by the site search"
    event_path = slug["items"][0]["path"]

    # Cancel it: 中止 everywhere, and the join link is gone from the public page.
    event_id = api(site, f'{{ page(path: "{event_path}") {{ id }} }}')["page"]["id"]
    page.goto(f"{site.url}/admin/pages/{event_id}/edit/")
    page.select_option("#id_status", "cancelled")
    publish(page)
    page.get_by_text("公開されました").first.wait_for()
    public_url = site.url + urllib.parse.quote(event_path)
    public = urllib.request.urlopen(public_url, timeout=10).read().decode()  # noqa: S310
    assert "中止" in public and "meet.example.jp" not in public
    screenshot(page, "cancelled")

    # Schedule another for tomorrow morning: not public until then.
    page.goto(f"{site.url}/admin/pages/add/igren_pages/eventpage/{events_index}/")
    fill_event(page, "冬の経営セミナー", start, start + datetime.timedelta(hours=2))
    page.get_by_role("button", name="状態の表示切り替え").click()
    page.get_by_role("button", name="公開予定を設定").first.click()
    dialog = page.get_by_role("dialog").filter(has_text="公開予定を保存")
    go_live = soon + datetime.timedelta(days=1)
    dialog.locator("input[name=go_live_at]").fill(tokyo_text(go_live))
    close_date_pickers(page)
    screenshot(page, "schedule")
    close_date_pickers(page)
    dialog.get_by_role("button", name="公開予定を保存").click()
    page.get_by_role("button", name="他のアクション").click()
    page.get_by_role("button", name="予約公開する").click()
    page.get_by_text("の公開が予定されました").wait_for()
    row = page.locator("tr").filter(has_text="冬の経営セミナー")
    assert "予定日" in row.inner_text()  # Wagtail's word for scheduled, not the event status
    found = api(site, '{ search(query: "冬の経営セミナー") { items { title } } }')["search"]
    assert found["items"] == []  # scheduled, not yet public

    # Search the admin in Japanese: two kanji in the middle of a title.
    page.goto(site.url + "/admin/pages/search/?q=釜石")
    assert "岩手県釜石地域支援プロジェクト" in page.inner_text("main")
    screenshot(page, "search")
