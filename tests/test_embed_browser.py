"""The partner embed in real headless Chromium, on a host page from another origin.

The demo site runs behind a real HTTP server (`served_site`); a plain HTML page on a second
port (a different origin) embeds both the <igren-events> web component and the iframe.
"""

import os
from pathlib import Path

import pytest

from igren_cms.demo.events import EVENTS
from tests.served_site import served_directory

pytestmark = pytest.mark.tools(chromium=True)

SCREENSHOT = Path(__file__).resolve().parent.parent / "docs" / "images" / "embed-widget.png"

HOST_PAGE = """<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><title>パートナーのサイト</title>
<link rel="icon" href="data:,">
<style>
  body {{ font-family: serif; color: rgb(1, 2, 3); margin: 24px; width: 640px; }}
  a {{ color: rgb(1, 2, 3) !important; font-size: 40px; }}
  li {{ list-style: square; }}
  #themed {{ --igren-accent: rgb(180, 20, 90); }}
</style>
<script src="{site}/embed/events.js" defer></script>
</head><body>
<h1>川崎市の地域情報</h1>
<a id="before" href="#top">ページの先頭</a>
<igren-events id="themed" months="2" limit="20"></igren-events>
<igren-events id="english" lang="en" project="international-business" months="1"></igren-events>
<iframe title="Igren のイベント" src="{site}/embed/events/?months=2"
  width="600" height="900"></iframe>
</body></html>
"""


@pytest.fixture(scope="module")
def host_origin(served_site, tmp_path_factory):
    root = tmp_path_factory.mktemp("partner-site")
    (root / "index.html").write_text(HOST_PAGE.format(site=served_site.url), encoding="utf-8")
    with served_directory(root) as origin:
        yield origin


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="ja-JP", viewport={"width": 720, "height": 1600})
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: m.type == "error" and page.problems.append(m.text))
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    yield page
    context.close()


def titles_by_month():
    months = {0: set(), 1: set()}
    for event in EVENTS:
        months[event.month_offset].add(event.title)
    return months


def test_widget_and_iframe_render_on_a_foreign_origin(page, host_origin, served_site):
    assert host_origin != served_site.url
    page.goto(host_origin + "/")
    widget = page.locator("#themed")
    widget.locator("li.event").first.wait_for(timeout=15_000)

    sections = widget.locator("section")
    assert sections.count() == 2
    expected = titles_by_month()
    for index in (0, 1):
        shown = set(sections.nth(index).locator(".title").all_inner_texts())
        assert shown == expected[index], (index, shown)
    cancelled = widget.locator("li.CANCELLED")
    assert cancelled.locator(".badge").inner_text() == "中止"
    assert widget.locator("time").first.get_attribute("datetime").endswith("+09:00")

    english = page.locator("#english")
    english.locator("li.event").first.wait_for(timeout=15_000)
    assert english.locator(".badge").inner_text() == "Cancelled"
    assert english.locator("a.add").inner_text() == "Add to calendar"

    frame = page.frame_locator("iframe")
    frame.locator("li.event").first.wait_for(timeout=15_000)
    assert set(frame.locator(".title").all_inner_texts()) == expected[0] | expected[1]
    assert frame.locator("li.CANCELLED .badge").inner_text() == "中止"

    assert page.problems == []


def test_links_work(page, host_origin):
    page.goto(host_origin + "/")
    widget = page.locator("#themed")
    widget.locator("li.event").first.wait_for(timeout=15_000)
    for link in widget.locator("a.title").all():
        response = page.request.get(link.get_attribute("href"))
        assert response.status == 200, link.get_attribute("href")
    calendar_link = widget.locator("a.add").first.get_attribute("href")
    response = page.request.get(calendar_link)
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert page.problems == []


def test_styles_stay_apart_and_keyboard_reaches_the_links(page, host_origin):
    page.goto(host_origin + "/")
    widget = page.locator("#themed")
    title = widget.locator("a.title").first
    title.wait_for(timeout=15_000)
    color = title.evaluate("a => getComputedStyle(a).color")
    assert color == "rgb(180, 20, 90)"  # the host's custom property themes it...
    size = title.evaluate("a => getComputedStyle(a).fontSize")
    assert size != "40px"  # ...but the host's own rules do not leak in
    box = widget.bounding_box()
    shot = widget.screenshot()
    assert box["height"] > 200 and len(shot) > 10_000
    if os.environ.get("IGREN_WRITE_SCREENSHOT") == "1":
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        SCREENSHOT.write_bytes(shot)
    page.locator("#before").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => { const a = document.activeElement.shadowRoot?.activeElement;"
        " return a ? a.className : document.activeElement.tagName; }"
    )
    assert focused == "title"


def test_a_readable_message_when_the_api_cannot_be_reached(page, host_origin):
    page.route("**/graphql/**", lambda route: route.abort())
    page.goto(host_origin + "/")
    alert = page.locator("#themed [role=alert]")
    alert.wait_for(timeout=15_000)
    assert "読み込めませんでした" in alert.inner_text()


def shown_events(locator):
    """{title: (when, where)} as the visitor reads each event."""
    found = {}
    for item in locator.locator("li.event").all():
        where = item.locator(".where")
        found[item.locator(".title").inner_text()] = (
            item.locator(".when time").inner_text(),
            where.inner_text() if where.count() else "",
            item.locator(".when time").get_attribute("datetime"),
        )
    return found


def test_widget_and_iframe_say_the_same_about_every_event(page, host_origin):
    """Both read the server's one presenter: the widget through GraphQL, the iframe rendered."""
    page.goto(host_origin + "/")
    widget = page.locator("#themed")
    widget.locator("li.event").first.wait_for(timeout=15_000)
    frame = page.frame_locator("iframe")
    frame.locator("li.event").first.wait_for(timeout=15_000)
    from_widget, from_frame = shown_events(widget), shown_events(frame)
    assert from_widget and from_widget.keys() <= from_frame.keys()
    for title, shown in from_widget.items():
        assert shown == from_frame[title], title
        assert shown[2].endswith("+09:00") and "." not in shown[2]  # Tokyo, to the second
    assert page.problems == []
