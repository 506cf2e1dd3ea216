"""Editors get validation messages in Japanese, and nothing they typed is lost."""

import datetime
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from wagtail.test.utils.form_data import nested_form_data, rich_text

from pages.events.windows import tokyo
from pages.models import EventPage
from snippets.models import Venue


def event(**fields):
    start = timezone.now() + timedelta(days=7)
    defaults = {
        "title": "例会",
        "slug": "reikai",
        "start": start,
        "end": start + timedelta(hours=2),
        "attendance_mode": "offline",
    }
    return EventPage(**{**defaults, **fields})


def messages(page, language="ja"):
    """The validation messages as an editor working in `language` reads them."""
    with translation.override(language):
        with pytest.raises(ValidationError) as info:
            page.clean()
        return {f: [str(m) for m in errs] for f, errs in info.value.message_dict.items()}


@pytest.mark.django_db
class TestEventRules:
    def test_end_before_start(self):
        start = timezone.now()
        errors = messages(
            event(start=start, end=start - timedelta(minutes=1), venue=Venue.objects.first())
        )
        assert errors["end"] == ["終了日時は開始日時より後にしてください。"]

    def test_registration_deadline_after_start(self):
        page = event(venue=Venue.objects.first())
        page.registration_deadline = page.start + timedelta(hours=1)
        errors = messages(page)
        assert errors["registration_deadline"] == [
            "申込締切はイベントの開始日時より前にしてください。"
        ]

    def test_online_event_needs_its_url(self):
        errors = messages(event(attendance_mode="online"))
        assert errors == {
            "online_url": ["オンラインで開催するイベントです。参加URLを入力してください。"]
        }

    def test_in_person_event_needs_a_venue(self):
        errors = messages(event(attendance_mode="offline"))
        assert errors == {"venue": ["会場で開催するイベントです。会場を選んでください。"]}

    def test_mixed_event_needs_both(self):
        assert set(messages(event(attendance_mode="mixed"))) == {"venue", "online_url"}

    def test_rescheduled_event_needs_its_previous_start(self):
        errors = messages(event(status="rescheduled", venue=Venue.objects.first()))
        assert "previous_start" in errors

    def test_messages_follow_the_editors_language(self):
        errors = messages(event(attendance_mode="online"), language="en")
        assert errors["online_url"] == ["Enter the online URL: this event takes place online."]

    def test_all_day_events_cover_whole_local_days(self):
        page = event(all_day=True, venue=Venue.objects.first())
        page.clean()
        start, end = tokyo(page.start), tokyo(page.end)
        assert (start.hour, start.minute) == (0, 0)
        assert (end.hour, end.minute) == (23, 59)


@pytest.mark.django_db
def test_admin_form_shows_the_japanese_error_and_keeps_the_input(client, event_index):
    admin = get_user_model().objects.create_superuser("editor", "", "pw-editor-1")
    client.force_login(admin)
    url = f"/admin/pages/add/igren_pages/eventpage/{event_index.pk}/"
    start = (timezone.localtime() + timedelta(days=10)).replace(second=0, microsecond=0)
    data = nested_form_data(
        {
            "title": "オンライン勉強会（入力テスト）",
            "slug": "online-study-form",
            "start": start.strftime("%Y-%m-%d %H:%M"),
            "end": (start + timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
            "status": "scheduled",
            "attendance_mode": "online",
            "online_url": "",
            "summary": "入力した概要が消えないこと",
            "body": rich_text(""),
            "fee": "無料",
        }
    )
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code == 200
    html = response.content.decode()
    assert "参加URLを入力してください" in html
    assert "オンライン勉強会（入力テスト）" in html
    assert "入力した概要が消えないこと" in html
    assert not EventPage.objects.filter(slug="online-study-form").exists()


@pytest.mark.django_db
def test_dates_outside_the_domain_get_japanese_messages():
    from pages.models import HistoryEntry

    entry = HistoryEntry(date=datetime.date(1084, 4, 20), precision="day", title="誤入力")
    with translation.override("ja"), pytest.raises(ValidationError) as info:
        entry.clean()
    assert info.value.message_dict["date"] == [
        f"1873年1月1日（明治6年、太陽暦の採用）から{timezone.localdate().year + 5}年12月31日"
        "までの日付を入力してください。"
    ]
    far = timezone.now().replace(year=timezone.now().year + 30)
    errors = messages(event(start=far, end=far))
    assert errors["start"][0].startswith("1980年1月1日から")
    assert errors["start"][0].endswith("までの日時を入力してください。")
