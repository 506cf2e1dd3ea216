"""Quick entry for the office: pickers with minutes, 「日付を変えて複製」, and slugs of new events
from their date and title (no clash from a copy, a namesake or a half-filled autosave)."""

import datetime

import pytest
from django.utils.text import slugify
from wagtail.test.utils.form_data import nested_form_data, rich_text

from pages.events.windows import TOKYO
from pages.models import EventIndexPage, EventPage
from snippets.models import Venue

pytestmark = pytest.mark.django_db


def test_the_pickers_offer_minutes(admin_client):
    index = EventIndexPage.objects.get()
    html = admin_client.get(f"/admin/pages/add/igren_pages/eventpage/{index.pk}/").content.decode()
    assert html.count("&quot;step&quot;: 15") + html.count('"step": 15') >= 4  # start, end …
    rule_form = admin_client.get("/admin/snippets/igren_pages/meetingrule/add/").content.decode()
    assert "&quot;step&quot;: 15" in rule_form or '"step": 15' in rule_form


def add_event(client, title, start, slug=""):
    index = EventIndexPage.objects.get()
    data = nested_form_data(
        {
            "title": title,
            # What Wagtail's script fills in from the title, unless the editor typed a slug.
            "slug": slug or slugify(title, allow_unicode=True),
            "start": start.strftime("%Y-%m-%d %H:%M"),
            "end": (start + datetime.timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
            "status": "scheduled",
            "attendance_mode": "offline",
            "venue": Venue.objects.order_by("pk").first().pk,
            "summary": "",
            "body": rich_text(""),
            "fee": "",
            "registration_url": "",
        }
    )
    response = admin_client_post(
        client, f"/admin/pages/add/igren_pages/eventpage/{index.pk}/", data
    )
    assert response.status_code == 302, response.content.decode()[-500:]
    return EventPage.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-2]))


def admin_client_post(client, url, data):
    return client.post(url, data)


def test_new_events_get_slugs_from_date_and_title(admin_client):
    start = datetime.datetime(2027, 4, 15, 18, 30, tzinfo=TOKYO)
    first = add_event(admin_client, "横浜サロン 例会", start)
    second = add_event(admin_client, "横浜サロン 例会", start)
    assert first.slug == "2027-04-15-横浜サロン-例会"
    assert second.slug == "2027-04-15-横浜サロン-例会-2"
    typed = add_event(admin_client, "特別講演", start, slug="special-talk")
    assert typed.slug == "special-talk"


def test_duplicate_with_a_new_date(admin_client):
    original = EventPage.objects.live().filter(all_day=False).order_by("start").first()
    edit = admin_client.get(f"/admin/pages/{original.pk}/edit/").content.decode()
    assert f"/admin/igren/events/{original.pk}/duplicate/" in edit
    bad = admin_client.post(f"/admin/igren/events/{original.pk}/duplicate/", {"day": "2027-02-30"})
    assert bad.status_code == 200
    response = admin_client.post(
        f"/admin/igren/events/{original.pk}/duplicate/", {"day": "2027-05-20"}
    )
    assert response.status_code == 302
    copy = EventPage.objects.exclude(pk=original.pk).get(slug__startswith="2027-05-20-")
    assert not copy.live and copy.status == "scheduled" and copy.previous_start is None
    start, was = copy.start.astimezone(TOKYO), original.start.astimezone(TOKYO)
    assert start.date() == datetime.date(2027, 5, 20) and start.time() == was.time()
    assert copy.end - copy.start == original.end - original.start
    assert copy.venue_id == original.venue_id and copy.title == original.title
    again = admin_client.post(
        f"/admin/igren/events/{original.pk}/duplicate/", {"day": "2027-05-20"}
    )
    assert again.status_code == 302  # a second copy to the same day: a fresh slug, no clash
    assert EventPage.objects.filter(slug__startswith="2027-05-20-").count() == 2
