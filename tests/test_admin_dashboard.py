"""The dashboard opens with 今月と来月のイベント: drafts included, status, a link to edit."""

import pytest
from django.contrib.auth import get_user_model

from pages.events.windows import current_months
from pages.models import EventPage

pytestmark = pytest.mark.django_db


def test_the_dashboard_lists_this_and_next_months_events(client, make_event):
    client.force_login(get_user_model().objects.create_superuser("dash", "", "pw-dash-1"))
    draft = make_event("下書きの交流会", "dashboard-draft", publish=False)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ja").content.decode()
    assert "今月と来月のイベント" in html
    this_month, next_month = current_months(2)
    events = EventPage.objects.filter(start__lt=next_month.end, end__gt=this_month.start)
    assert events.count() >= 3
    for event in events:
        assert f'href="/admin/pages/{event.pk}/edit/"' in html, event.title
    after = html.split("下書きの交流会", 1)[1]
    assert after.index("下書き") < after.index("</tr>")  # its row says it is a draft
    assert f"/admin/pages/{draft.pk}/edit/" in html
    assert "中止" in html  # the demo's cancelled event shows its status
