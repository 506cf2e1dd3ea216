"""Headless preview end to end in Chromium: an editor changes an event's title without saving,
opens the admin's preview panel, and sees the frontend's preview route render that title. The
"frontend" is a tiny server on 127.0.0.1 that does what a real one does: it reads `token` from
its URL and asks the API's `preview(token:)` for the page."""

import html
import http.server
import json
import re
import threading
import urllib.parse
import urllib.request

import pytest

from tests.outside_tools import CHROMIUM_ARGS, chromium
from tests.served_site import ServedSite, free_port

pytestmark = pytest.mark.tools(chromium=True)

PASSWORD = "pw-preview-1"


@pytest.fixture(scope="module")
def frontend_port():
    return free_port()


@pytest.fixture(scope="module")
def site(tmp_path_factory, frontend_port):
    env = {"IGREN_FRONTEND_URL": f"http://127.0.0.1:{frontend_port}"}
    served = ServedSite(tmp_path_factory.mktemp("preview"), env, insecure_static=True).start()
    served.manage(
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model;"
        f"get_user_model().objects.create_superuser('preview', '', '{PASSWORD}')",
    )
    yield served
    served.stop()


@pytest.fixture(scope="module")
def frontend(site, frontend_port):
    class Frontend(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            params = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
            query = "query($t: String!) { preview(token: $t) { title } }"
            body = json.dumps({"query": query, "variables": {"t": params["token"][0]}}).encode()
            request = urllib.request.Request(  # noqa: S310 - the served site on 127.0.0.1
                f"{site.url}/graphql/", data=body, headers={"Content-Type": "application/json"}
            )
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                title = json.load(response)["data"]["preview"]["title"]
            page = f"<!DOCTYPE html><html><body><h1>{html.escape(title)}</h1></body></html>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page.encode())

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", frontend_port), Frontend)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{frontend_port}"
    server.shutdown()


def test_the_admin_preview_panel_shows_the_frontends_preview_route(site, frontend):
    from playwright.sync_api import sync_playwright

    query = urllib.parse.quote('{ event(slug: "japan-korea-seminar") { id } }')
    with urllib.request.urlopen(f"{site.url}/graphql/?query={query}", timeout=10) as response:  # noqa: S310
        event_id = json.load(response)["data"]["event"]["id"]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        page = browser.new_context(
            locale="ja-JP", viewport={"width": 1400, "height": 900}
        ).new_page()
        page.goto(site.url + "/admin/login/")
        page.fill("input[name=username]", "preview")
        page.fill("input[name=password]", PASSWORD)
        page.click("form button[type=submit]")
        page.wait_for_url(re.compile(r".*/admin/$"))
        page.goto(f"{site.url}/admin/pages/{event_id}/edit/")
        page.fill("#id_title", "保存前のプレビュー確認")
        page.get_by_role("button", name="プレビューの表示切り替え").click()
        frame = page.frame_locator("iframe[id^='w-preview-iframe']")
        heading = frame.locator("h1")
        heading.wait_for(timeout=20_000)
        assert heading.inner_text() == "保存前のプレビュー確認"
        # The panel shows the frontend's route (not Wagtail's own rendering), with a token.
        shown = [f.url for f in page.frames if f.url.startswith(frontend)]
        assert shown and shown[0].startswith(f"{frontend}/preview?token="), [
            f.url for f in page.frames
        ]
        browser.close()
