"""Rescheduling a published event: the old start is recorded without typing it, and one
checkbox decides whether the change is announced as 日程変更."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text

from pages.models import EventPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.create_superuser("resched", "", "pw-resched-1"))
    return client


def tokyo(value):
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")


def edit_form(event, start, **extra):
    return nested_form_data(
        {
            "title": event.title,
            "slug": event.slug,
            "start": tokyo(start),
            "end": tokyo(start + datetime.timedelta(hours=2)),
            "status": event.status,
            "previous_start": "",
            "attendance_mode": "offline",
            "venue": event.venue_id,
            "summary": event.summary,
            "body": rich_text(""),
            "fee": "",
            "action-publish": "publish",
            **extra,
        }
    )


@pytest.fixture
def published(make_event):
    start = (timezone.now() + datetime.timedelta(days=14)).replace(second=0, microsecond=0)
    return make_event("日程が変わる例会", "moving-meeting", start=start)


def test_moving_a_published_event_records_its_old_start_and_can_announce_it(editor, published):
    old_start = published.start
    new_start = old_start + datetime.timedelta(days=7)
    url = f"/admin/pages/{published.pk}/edit/"
    response = editor.post(url, edit_form(published, new_start, announce_reschedule="on"))
    assert response.status_code == 302, response.content.decode()[:2000]
    event = EventPage.objects.get(pk=published.pk)
    assert event.start == new_start
    assert event.previous_start == old_start
    assert event.status == "rescheduled"
    html = editor.get("/events/moving-meeting/").content.decode()
    assert "日程変更" in html and "当初の予定" in html


def test_without_the_checkbox_the_status_stays(editor, published):
    old_start = published.start
    url = f"/admin/pages/{published.pk}/edit/"
    response = editor.post(url, edit_form(published, old_start + datetime.timedelta(hours=1)))
    assert response.status_code == 302
    event = EventPage.objects.get(pk=published.pk)
    assert event.previous_start == old_start
    assert event.status == "scheduled"


def test_the_checkbox_is_in_japanese_on_the_form(editor, published):
    html = editor.get(f"/admin/pages/{published.pk}/edit/", HTTP_ACCEPT_LANGUAGE="ja")
    assert "日程変更として知らせる" in html.content.decode()
