"""The events desk: events with their Tokyo start, status, salon and project, soonest first,
filtered to upcoming or past and by status; organisations and categories are checkboxes."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from pages.models import EventIndexPage

pytestmark = pytest.mark.django_db
DESK = "/admin/igren_event_desk/"


@pytest.fixture
def editor(client):
    client.force_login(get_user_model().objects.create_superuser("desk", "", "pw-desk-1"))
    return client


def titles(html):
    return re.findall(r'<span id="page_\d+_title">\s*(.*?)\s*</span>', html, re.S)


def test_the_desk_lists_events_soonest_first_in_japanese(editor, make_event):
    now = timezone.now()
    make_event("来週の例会", "desk-next-week", start=now + datetime.timedelta(days=7))
    make_event("明日の例会", "desk-tomorrow", start=now + datetime.timedelta(days=1))
    make_event("先月の例会", "desk-last-month", start=now - datetime.timedelta(days=30))
    response = editor.get(DESK, HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 200
    html = response.content.decode()
    for heading in ("開始（日本時間）", "開催状況", "サロン", "プロジェクト"):
        assert heading in html
    listed = titles(html)
    assert listed.index("先月の例会") < listed.index("明日の例会") < listed.index("来週の例会")
    upcoming = titles(editor.get(DESK + "?when=upcoming").content.decode())
    assert "明日の例会" in upcoming and "先月の例会" not in upcoming
    past = titles(editor.get(DESK + "?when=past").content.decode())
    assert "先月の例会" in past and "明日の例会" not in past


def test_the_desk_filters_by_status(editor, make_event):
    make_event("中止の例会", "desk-cancelled", status="cancelled")
    make_event("通常の例会", "desk-scheduled")
    cancelled = titles(editor.get(DESK + "?event_status=cancelled").content.decode())
    assert "中止の例会" in cancelled and "通常の例会" not in cancelled


def test_organisations_and_categories_are_checkboxes(editor):
    index = EventIndexPage.objects.get()
    html = editor.get(f"/admin/pages/add/igren_pages/eventpage/{index.pk}/").content.decode()
    assert re.search(r'<input type="checkbox" name="organisations"', html)
    assert re.search(r'<input type="checkbox" name="categories"', html)
    assert '<select name="organisations"' not in html
