"""/embed/events/ for iframes and /embed/events.js: framing rules, months, languages, errors."""

import re

import pytest

from pages.events.windows import current_months
from pages.models import EventPage

pytestmark = pytest.mark.django_db


def test_only_the_embed_page_may_be_framed(client, settings):
    embed = client.get("/embed/events/")
    assert "X-Frame-Options" not in embed
    policy = embed["Content-Security-Policy"]
    assert policy.startswith("default-src 'none'; style-src 'unsafe-inline';")
    assert policy.endswith("; frame-ancestors *")
    for path in ("/", "/events/", "/feeds/events.ics", "/admin/login/"):
        assert client.get(path)["X-Frame-Options"] == "DENY", path
    settings.IGREN_FEEDS = {"FRAME_ANCESTORS": ["https://www.city.kawasaki.jp", "'self'"]}
    framed = client.get("/embed/events/")
    assert framed["Content-Security-Policy"].endswith(
        "; frame-ancestors https://www.city.kawasaki.jp 'self'"
    )


def test_events_grouped_by_this_month_and_next(client):
    html = client.get("/embed/events/?months=2").content.decode()
    this_month, next_month = current_months(2)
    headings = re.findall(r"<h2 id=\"m-[\d-]+\">(.*?)</h2>", html)
    assert headings == [
        f"{this_month.start.year}年{this_month.start.month}月",
        f"{next_month.start.year}年{next_month.start.month}月",
    ]
    first, second = html.split("<h2", 2)[1:]
    assert "尾上町サロン 夕べの交流会" in first
    assert "新事業・新技術支援フォーラム" in second
    assert '<span class="badge CANCELLED">中止</span>' in html
    assert "<time datetime=" in html
    assert "webcal://testserver/feeds/events.ics" in html


def test_filters_limits_and_english(client):
    html = client.get("/embed/events/?salon=kenou&lang=en").content.decode()
    assert '<html lang="en">' in html
    assert "県央サロン 例会" in html
    assert "尾上町" not in html
    assert "Add to calendar" in html
    limited = client.get("/embed/events/?limit=1").content.decode()
    assert limited.count('class="title"') == 1
    online = EventPage.objects.get(slug="yokohama-online")
    assert "オンライン" in client.get(f"/embed/events/?salon={online.salon.slug}").content.decode()


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("?months=0", 400),
        ("?months=abc", 400),
        ("?limit=1000", 400),
        ("?lang=fr", 400),
        ("?salon=atlantis", 404),
    ],
)
def test_bad_embed_parameters(client, query, status):
    response = client.get("/embed/events/" + query)
    assert response.status_code == status
    assert response["Content-Type"] == "text/plain; charset=utf-8"


def test_the_widget_script_is_served_to_any_origin(client):
    response = client.get("/embed/events.js")
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert b'customElements.define("igren-events"' in response.content
    assert (
        client.get("/embed/events.js", headers={"if-none-match": response["ETag"]}).status_code
        == 304
    )


def test_the_events_page_offers_the_subscriptions(client):
    html = client.get("/events/").content.decode()
    assert 'href="webcal://testserver/feeds/events.ics"' in html
    assert 'href="/feeds/events.rss"' in html
