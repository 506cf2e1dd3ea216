"""Conditional requests: ETag and Last-Modified, 304s, and changes that show at once."""

import datetime

import pytest
from django.utils import timezone
from django.utils.http import http_date

from pages.models import EventPage

pytestmark = pytest.mark.django_db
PATHS = ["/feeds/events.ics", "/feeds/events.rss", "/feeds/events.json", "/embed/events/"]


@pytest.mark.parametrize("path", PATHS)
def test_validators_and_a_304(client, path):
    first = client.get(path)
    assert first["ETag"].startswith('"')
    assert first["Last-Modified"]
    assert "max-age=" in first["Cache-Control"]
    again = client.get(path, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    since = client.get(path, headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304
    other = client.get(path, headers={"if-none-match": '"something-else"'})
    assert other.status_code == 200


def test_editing_an_event_changes_the_etag_at_once(client):
    etag = client.get("/feeds/events.ics")["ETag"]
    page = EventPage.objects.get(slug="kenou-regular")
    page.summary = "内容を更新しました。"
    page.save_revision().publish()
    response = client.get("/feeds/events.ics", headers={"if-none-match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_unpublishing_shows_at_once_even_to_if_modified_since(client):
    first = client.get("/feeds/events.rss")
    EventPage.objects.get(slug="kenou-regular").unpublish()
    assert (
        client.get("/feeds/events.rss", headers={"if-none-match": first["ETag"]}).status_code == 200
    )
    # The unpublish is newer than any event shown, and Last-Modified moves forward with it.
    later = http_date((timezone.now() - datetime.timedelta(seconds=5)).timestamp())
    response = client.get("/feeds/events.rss", headers={"if-modified-since": later})
    assert response.status_code == 200
    assert "県央サロン 例会" not in response.content.decode()


def test_an_expiry_changes_the_feed_without_any_job(client):
    """The editor set an expiry a minute ahead; once it passes, the next request sees the
    event gone although nothing ran (no publish_scheduled, no signal): the cached response's
    content version ends at that expiry."""
    import time_machine

    page = EventPage.objects.get(slug="kenou-regular")
    page.expire_at = timezone.now() + datetime.timedelta(minutes=1)
    page.save_revision().publish()
    first = client.get("/feeds/events.json")
    assert "kenou-regular" in first.content.decode()
    assert (
        client.get("/feeds/events.json", headers={"if-none-match": first["ETag"]}).status_code
        == 304
    )
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        response = client.get("/feeds/events.json", headers={"if-none-match": first["ETag"]})
    assert response.status_code == 200
    assert "kenou-regular" not in response.content.decode()
