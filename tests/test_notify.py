"""Publish webhooks (signed, queued as tasks) and CDN purges through Wagtail's frontend cache
app, against a real HTTP server on 127.0.0.1 that records what it receives."""

import hashlib
import hmac
import http.server
import json
import logging
import threading

import pytest

from tests.served_site import free_port

pytestmark = pytest.mark.django_db


class Recorder(http.server.BaseHTTPRequestHandler):
    received = []

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        Recorder.received.append(
            {"method": self.command, "path": self.path, "headers": dict(self.headers), "body": body}
        )
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_PURGE = do_GET = handle_any

    def log_message(self, *args):
        pass


@pytest.fixture
def recorder():
    Recorder.received = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}", Recorder.received
    server.shutdown()


def test_publishing_calls_the_webhook_signed_and_purges_the_cdn(settings, recorder, make_event):
    url, received = recorder
    settings.IGREN_WEBHOOKS = [{"url": f"{url}/hooks/igren", "secret": "合言葉-secret"}]
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": url}
    }
    event = make_event("通知確認の交流会", "notify-check")

    hooks = [r for r in received if r["method"] == "POST"]
    assert len(hooks) == 1
    hook = hooks[0]
    payload = json.loads(hook["body"])
    assert payload["event"] == "page.published"
    assert payload["page"] == {
        "id": event.pk,
        "type": "EventPage",
        "title": "通知確認の交流会",
        "path": "/events/notify-check/",
        "url": "http://localhost/events/notify-check/",
    }
    assert payload["sentAt"].endswith("+09:00")
    expected = hmac.new("合言葉-secret".encode(), hook["body"], hashlib.sha256).hexdigest()
    assert hook["headers"]["X-Igren-Signature"] == f"sha256={expected}"

    purged = {r["path"] for r in received if r["method"] == "PURGE"}
    assert "/events/notify-check/" in purged  # Wagtail's own purge of the page
    assert {"/feeds/events.ics", "/feeds/events.rss", "/embed/events/", "/sitemap.xml"} <= purged

    received.clear()
    event.unpublish()
    assert [json.loads(r["body"])["event"] for r in received if r["method"] == "POST"] == [
        "page.unpublished"
    ]


def test_an_unreachable_hook_never_stops_a_publish(settings, make_event, caplog):
    settings.IGREN_WEBHOOKS = [{"url": f"http://127.0.0.1:{free_port()}/gone", "secret": "x"}]
    with caplog.at_level(logging.WARNING, logger="igren_cms.notify"):
        event = make_event("届かない通知の会", "unreachable-hook")
    event.refresh_from_db()
    assert event.live
    assert any("Webhook" in r.getMessage() for r in caplog.records)
    assert not any(r.exc_info for r in caplog.records)
