"""Feeds and the embed page take the same few SQL queries however many events they show."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from pages.models import HomePage, SalonPage
from snippets.models import Category, Organisation

pytestmark = pytest.mark.django_db
PATHS = [
    "/feeds/events.ics",
    "/feeds/events.rss",
    "/feeds/events.atom",
    "/feeds/events.json",
    "/embed/events/?months=2&limit=100",
]


def add_events(make_event, count, prefix):
    home = HomePage.objects.get()
    salon = SalonPage.objects.get(slug="kenou")
    organisations = list(Organisation.objects.all()[:3])
    categories = list(Category.objects.all()[:2])
    start = timezone.now() + datetime.timedelta(days=2)
    for i in range(count):
        event = make_event(
            f"{prefix}{i}",
            f"{prefix}-{i}",
            start=start + datetime.timedelta(hours=i),
            salon=salon,
            body=f'<p>詳しくは<a linktype="page" id="{home.pk}">トップページ</a>へ。</p>',
        )
        event.organisations.set(organisations)
        event.categories.set(categories)
        event.save()


def queries_for(client, path):
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", PATHS)
def test_queries_do_not_grow_with_the_number_of_events(client, make_event, path):
    add_events(make_event, 5, "few")
    few = queries_for(client, path)
    add_events(make_event, 40, "many")
    many = queries_for(client, path)
    assert many == few, (few, many)
    # The salon and project pages are one small query of their own; with content in two
    # languages a cold request also reads the site root's translations and the locale table
    # (both then kept in the shared cache).
    assert many <= 13 + 2
