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


def test_the_desk_filters_by_fiscal_year_dates_and_salon_and_exports(editor, make_event):
    import io

    import openpyxl

    from pages.events.windows import TOKYO
    from pages.models import SalonPage

    yokohama = SalonPage.objects.get(slug="yokohama")
    at = lambda *a: datetime.datetime(*a, tzinfo=TOKYO)  # noqa: E731
    make_event("年度の最後", "fy-last", start=at(2025, 3, 31, 23, 0), salon=yokohama)
    make_event("年度の最初", "fy-first", start=at(2025, 4, 1, 0, 0), salon=yokohama)
    make_event("海の日の例会", "fy-umi", start=at(2025, 7, 21, 18, 30), salon=yokohama)
    make_event("他のサロン", "fy-other", start=at(2025, 5, 1, 18, 0))
    by_year = titles(editor.get(DESK, {"fiscal_year": "2025"}).content.decode())
    assert (
        by_year[:3] == ["年度の最初", "他のサロン", "海の日の例会"] and "年度の最後" not in by_year
    )
    by_salon = titles(
        editor.get(DESK, {"fiscal_year": "2025", "salon": yokohama.pk}).content.decode()
    )
    assert by_salon == ["年度の最初", "海の日の例会"]
    by_days = titles(
        editor.get(DESK, {"dates_from": "2025-03-31", "dates_to": "2025-04-01"}).content.decode()
    )
    assert by_days == ["年度の最後", "年度の最初"]
    export = editor.get(DESK, {"fiscal_year": "2025", "salon": yokohama.pk, "export": "xlsx"})
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(export.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:5] == ("イベント", "時期", "祝日", "年度", "開催状況")
    assert [r[0] for r in rows[1:]] == ["年度の最初", "海の日の例会"]
    assert rows[2][1:4] == ("令和7年7月21日（月・祝） 18:30〜20:30", "海の日", "令和7年度")
    csv_export = editor.get(DESK, {"fiscal_year": "2025", "export": "csv"})
    assert "海の日の例会" in b"".join(csv_export.streaming_content).decode("utf-8")
