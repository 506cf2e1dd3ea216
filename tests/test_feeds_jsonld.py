"""schema.org Event JSON-LD: statuses, places, organisers, offers, and no way out of <script>."""

import json

import pytest

pytestmark = pytest.mark.django_db


def json_ld(gql, slug):
    body = gql(f'{{ event(slug: "{slug}") {{ jsonLd }} }}')
    return json.loads(body["data"]["event"]["jsonLd"])


def test_a_scheduled_in_person_event(gql):
    data = json_ld(gql, "kenou-regular")
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["startDate"].endswith("+09:00")
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["@type"] == "PostalAddress"
    assert data["location"]["address"]["postalCode"]
    assert data["url"].endswith("/events/kenou-regular/")
    names = {o["name"] for o in data["organizer"]}
    assert "県央サロン" in names


def test_a_rescheduled_paid_event(gql):
    data = json_ld(gql, "japan-korea-seminar")
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["previousStartDate"].endswith("+09:00")
    offers = data["offers"]
    assert offers["availability"] in ("https://schema.org/InStock", "https://schema.org/SoldOut")
    assert offers["validFrom"].endswith("+09:00")
    assert {k: offers[k] for k in ("@type", "priceCurrency", "description", "price", "url")} == {
        "@type": "Offer",
        "priceCurrency": "JPY",
        "description": "2,000円",
        "price": "2000",
        "url": data["url"],
    }


def test_cancelled_online_and_mixed(gql):
    assert json_ld(gql, "international-study")["eventStatus"].endswith("EventCancelled")
    online = json_ld(gql, "yokohama-online")
    assert online["location"]["@type"] == "VirtualLocation"
    assert online["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
    mixed = json_ld(gql, "manufacturing-roundtable")
    assert {place["@type"] for place in mixed["location"]} == {"Place", "VirtualLocation"}


def test_an_all_day_event_has_dates(gql):
    data = json_ld(gql, "new-tech-forum")
    assert len(data["startDate"]) == 10 and len(data["endDate"]) == 10
    assert data["endDate"] > data["startDate"]


def test_script_end_tags_cannot_break_out(gql, make_event):
    make_event('</script><script>alert(1)</script> & "引用" \u2028', "breakout")
    raw = gql('{ event(slug: "breakout") { jsonLd } }')["data"]["event"]["jsonLd"]
    assert "<" not in raw and ">" not in raw and "\u2028" not in raw
    assert json.loads(raw)["name"].startswith("</script><script>alert(1)</script>")


def test_embed_page_carries_json_ld_that_parses(client):
    import re

    html = client.get("/embed/events/").content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert blocks
    assert all(json.loads(block)["@type"] == "Event" for block in blocks)


@pytest.mark.parametrize(
    ("fee", "price"),
    [
        ("無料", "0"),
        ("0円", "0"),
        ("2,000円", "2000"),
        ("1,000円（軽食付き）", "1000"),
        ("会員500円、一般1,000円", None),
        ("実費", None),
    ],
)
def test_prices_read_from_the_fee_text(fee, price):
    from pages.events.schema_org import price_of

    assert price_of(fee) == price


def test_the_event_page_links_its_calendar_file_and_carries_json_ld(client):
    import re

    from pages.models import EventPage

    page = EventPage.objects.get(slug="manufacturing-roundtable")
    html = client.get(page.url).content.decode()
    assert f'href="/feeds/events/{page.pk}.ics"' in html
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert json.loads(block)["eventAttendanceMode"].endswith("MixedEventAttendanceMode")
