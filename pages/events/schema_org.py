"""schema.org Event data (JSON-LD) for one event, safe to place inside a <script> element."""

import json
import re
import unicodedata
from decimal import Decimal

from django.utils import timezone

from igren_cms.conf import association_name
from pages.plain_text import one_line

from .presenter import ONLINE
from .text import EventText
from .windows import iso_tokyo

EVENT_STATUS = {
    "scheduled": "EventScheduled",
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "rescheduled": "EventRescheduled",
}
ATTENDANCE = {
    "offline": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "mixed": "MixedEventAttendanceMode",
}
# Characters that could end a <script> element or an HTML comment, or end a JS line.
SCRIPT_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


# One amount: ASCII digits with thousands commas and a decimal part, optionally in 万 (10,000).
AMOUNT = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(万)?")
FREE = re.compile(r"無料|free", re.IGNORECASE)


def price_of(fee: str) -> str | None:
    """The single price a fee names, as an ASCII decimal: 1,000円 → 1000, ２，０００円 → 2000,
    1.5万円 → 15000, 無料 → 0. None when the text names no single price (3,000円（学生無料）,
    1,000〜2,000円, 会員500円・一般1,000円): Google would show the wrong one."""
    text = unicodedata.normalize("NFKC", one_line(fee))
    amounts = AMOUNT.findall(text)
    free = bool(FREE.search(text))
    if free and not amounts:
        return "0"
    if len(amounts) != 1 or free:
        return None
    whole, fraction, man = amounts[0]
    value = Decimal(whole.replace(",", "") + fraction) * (10_000 if man else 1)
    if value != value.to_integral_value():
        return None  # a fraction of a yen
    return str(int(value))


def _location(event, page_url):
    places = []
    shown = event.presented()
    if shown.venue is not None:
        venue = shown.venue
        address = {"@type": "PostalAddress", "addressCountry": "JP"}
        if venue.postal_code:
            address["postalCode"] = one_line(venue.postal_code)
        parts = venue.address_parts
        for key, value in (
            ("addressRegion", parts.region),
            ("addressLocality", parts.locality),
            ("streetAddress", parts.street),
        ):
            if value:
                address[key] = value
        places.append({"@type": "Place", "name": one_line(venue.name), "address": address})
    if shown.online:
        # Google requires a VirtualLocation's url: where to join, else (cancelled, or the link
        # not given yet) the event's own page.
        url = shown.join_url or page_url
        if url:
            places.append({"@type": "VirtualLocation", "name": ONLINE["ja"], "url": url})
    return places[0] if len(places) == 1 else places


def _organizers(relations, urls: dict, home_url: str | None):
    found = []
    for page in (relations.salon, relations.project):
        if page:
            entry = {"@type": "Organization", "name": one_line(page.title)}
            if urls.get(page.pk):
                entry["url"] = urls[page.pk]
            found.append(entry)
    for organisation in relations.organisations:
        entry = {"@type": "Organization", "name": one_line(organisation["name"])}
        if organisation.get("website"):
            entry["url"] = organisation["website"]
        found.append(entry)
    if not found:
        found.append(
            {
                "@type": "Organization",
                "name": association_name(),
                **({"url": home_url} if home_url else {}),
            }
        )
    return found[0] if len(found) == 1 else found


def event_data(event, text: EventText, home_url: str | None = None) -> dict:
    """schema.org Event for one event, from its `text.describe` (which carries its relations
    as the request's audience sees them)."""
    shown = event.presented()
    if event.all_day:
        start, end = shown.first_day.isoformat(), shown.last_day.isoformat()
    else:
        start, end = shown.start_iso, iso_tokyo(event.end)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": text.title,
        "startDate": start,
        "endDate": end,
        "eventStatus": f"https://schema.org/{EVENT_STATUS[event.status]}",
        "eventAttendanceMode": f"https://schema.org/{ATTENDANCE[event.attendance_mode]}",
        "organizer": _organizers(text.relations, text.organiser_urls, home_url),
    }
    if text.url:
        data["url"] = text.url
    if text.summary or text.body_text:
        data["description"] = text.summary or text.body_text[:500]
    if shown.previous_start is not None:
        data["previousStartDate"] = iso_tokyo(shown.previous_start)
    location = _location(event, text.url)
    if location:
        data["location"] = location
    if text.image is not None:
        data["image"] = [text.image.url]
    if text.speakers:
        performers = [{"@type": "Person", "name": name} for name in text.speakers]
        data["performer"] = performers[0] if len(performers) == 1 else performers
    if event.fee:
        data["offers"] = _offer(event, text)
    return data


def _offer(event, text) -> dict:
    offer = {"@type": "Offer", "priceCurrency": "JPY", "description": one_line(event.fee)}
    price = price_of(event.fee)
    if price is not None:
        offer["price"] = price
    url = event.registration_url or text.url
    if url:
        offer["url"] = url
    # Places are offered from the announcement until the registration deadline (else the
    # start); after it, or once the event is cancelled, there are none.
    closes = event.registration_deadline or event.start
    open_now = event.status != "cancelled" and closes > timezone.now()
    offer["availability"] = f"https://schema.org/{'InStock' if open_now else 'SoldOut'}"
    announced = event.first_published_at or event.go_live_at
    if announced is not None:
        offer["validFrom"] = iso_tokyo(announced)
    return offer


def script_json(data) -> str:
    """JSON that stays JSON and cannot close the <script> element it is placed in."""
    encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: SCRIPT_ESCAPES[m.group()], encoded)
