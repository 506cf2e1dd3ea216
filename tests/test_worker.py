"""Scheduled publishing happens by itself: the worker's cycle publishes an event whose go-live
time has come, so it appears in GraphQL and on /events/ (and nothing does before the cycle)."""

import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from pages.models import EventPage
from snippets.models import Venue

pytestmark = pytest.mark.django_db
QUERY = '{ event(slug: "scheduled-briefing") { title } }'


def test_an_event_scheduled_a_second_ahead_is_published_by_one_cycle(gql, client, event_index):
    now = timezone.now()
    start = now + datetime.timedelta(days=5)
    event = EventPage(
        title="予約公開の説明会",
        slug="scheduled-briefing",
        start=start,
        end=start + datetime.timedelta(hours=2),
        venue=Venue.objects.first(),
        live=False,
        go_live_at=now + datetime.timedelta(seconds=1),
    )
    event_index.add_child(instance=event)
    event.save_revision().publish()  # scheduled: Wagtail keeps it unpublished until go-live
    event.refresh_from_db()
    assert not event.live
    assert gql(QUERY)["data"]["event"] is None

    with time_machine.travel(now + datetime.timedelta(seconds=2)):
        # Its time has come, but nothing has published it yet.
        assert gql(QUERY)["data"]["event"] is None
        call_command("igren_worker", "--once")
        assert gql(QUERY)["data"]["event"] == {"title": "予約公開の説明会"}
        assert "予約公開の説明会" in client.get("/events/").content.decode()
    event.refresh_from_db()
    assert event.live


def test_the_worker_unpublishes_an_expired_event(make_event):
    event = make_event("期限つきのお知らせ", "expiring-notice")
    event.expire_at = timezone.now() + datetime.timedelta(seconds=1)
    event.save_revision().publish()
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=5)):
        call_command("igren_worker", "--once")
    event.refresh_from_db()
    assert not event.live
    assert event.expired
