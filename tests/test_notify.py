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
    failures_left = 0  # answer 500 this many times first

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        Recorder.received.append(
            {"method": self.command, "path": self.path, "headers": dict(self.headers), "body": body}
        )
        failing = self.command == "POST" and Recorder.failures_left > 0
        Recorder.failures_left -= 1 if failing else 0
        self.send_response(500 if failing else 200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_POST = do_PURGE = do_GET = handle_any

    def log_message(self, *args):
        pass


@pytest.fixture
def recorder():
    Recorder.received = []
    Recorder.failures_left = 0
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
    assert "http://localhost/feeds/events.ics" in payload["feeds"]
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


def test_a_failed_delivery_is_retried_with_backoff_and_listed(
    settings, recorder, make_event, client
):
    import datetime

    import time_machine
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.utils import timezone

    from igren_cms.models import WebhookDelivery

    url, received = recorder
    settings.IGREN_WEBHOOKS = [{"url": f"{url}/hook", "secret": "s"}]
    Recorder.failures_left = 1
    make_event("再送確認の会", "retry-check")
    delivery = WebhookDelivery.objects.get()
    assert (delivery.attempts, delivery.status_code, delivery.delivered_at) == (1, 500, None)
    assert delivery.next_attempt_at > timezone.now() + datetime.timedelta(seconds=25)
    call_command("igren_worker", "--once")  # not due yet
    assert WebhookDelivery.objects.get().attempts == 1
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=31)):
        call_command("igren_worker", "--once")
    delivery.refresh_from_db()
    assert (delivery.attempts, delivery.status_code) == (2, 200) and delivery.delivered_at
    assert len([r for r in received if r["method"] == "POST"]) == 2

    client.force_login(get_user_model().objects.create_superuser("hooks", "", "pw-hooks-1"))
    page = client.get("/admin/igren/webhooks/").content.decode()
    assert "ウェブフックの配信記録" in page and "再送確認の会" in page and f"{url}/hook" in page


@pytest.fixture
def edge(settings, recorder):
    """Wagtail's HTTP purge backend pointed at the recorder: the PURGE paths it received."""
    url, received = recorder
    settings.WAGTAILFRONTENDCACHE = {
        "edge": {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": url}
    }

    def purged():
        paths = {r["path"] for r in received if r["method"] == "PURGE"}
        received.clear()
        return paths

    return purged


def test_time_alone_purges_what_it_changed(edge, make_event):
    """An event's end changes its page, the index, the home page and its salon's list: the
    worker's look back at each cycle purges them, and the feeds; nothing when nothing passed."""
    import datetime

    from django.utils import timezone

    from igren_cms import notify
    from pages.models import SalonPage

    now = timezone.now()
    salon = SalonPage.objects.live().first()
    make_event(
        "時間で終わる会", "ends-by-time", start=now + datetime.timedelta(minutes=10),
        end=now + datetime.timedelta(minutes=40), salon=salon,
    )  # fmt: skip
    edge()  # the publish's own purge
    assert notify.purge_passed_boundaries(now) == 0  # the first look notes the moment
    assert notify.purge_passed_boundaries(now + datetime.timedelta(minutes=20)) == 0
    assert edge() == set()  # nothing ended in between
    assert notify.purge_passed_boundaries(now + datetime.timedelta(minutes=45)) == 1
    purged = edge()
    assert {"/events/ends-by-time/", "/events/", "/", salon.url_path.removeprefix("/igren")} <= (
        purged
    ), purged
    assert {"/feeds/events.ics", "/embed/events/", "/graphql/"} <= purged


def test_a_restriction_put_on_purges_the_section_and_the_collections_files(edge, make_event):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

    event = make_event("会員限定になる会", "soon-private")
    edge()
    PageViewRestriction.objects.create(page=event, restriction_type="login")
    purged = edge()
    assert "/events/soon-private/" in purged and "/feeds/events.ics" in purged

    album = Collection.get_first_root_node().add_child(name="のちに限定する写真")
    photo = Image.objects.create(title="集合写真", file=get_test_image_file(), collection=album)
    rendition = photo.get_rendition("width-100")
    edge()
    restriction = CollectionViewRestriction.objects.create(
        collection=album, restriction_type="login"
    )
    purged = edge()
    assert rendition.url in purged and "/feeds/events.rss" in purged
    restriction.delete()  # public again: purged the same way
    assert rendition.url in edge()
