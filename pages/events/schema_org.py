"""schema.org Event data (JSON-LD) for one event, safe to place inside a <script> element."""

import json
import re

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


def price_of(fee: str) -> str | None:
    """'1,000円' -> '1000', '無料' -> '0'; None when the text names no single amount."""
    text = one_line(fee)
    if "無料" in text or text.lower() == "free":
        return "0"
    amounts = re.findall(r"\d[\d,，]*", text)
    if len(amounts) != 1:
        return None
    return re.sub(r"[,，]", "", amounts[0])


def _location(event):
    places = []
    shown = event.presented()
    if shown.venue is not None:
        venue = shown.venue
        address = {"@type": "PostalAddress", "addressCountry": "JP"}
        if venue.postal_code:
            address["postalCode"] = one_line(venue.postal_code)
        if venue.address:
            address["streetAddress"] = one_line(venue.address)
        places.append({"@type": "Place", "name": one_line(venue.name), "address": address})
    if shown.online:
        if shown.join_url:
            places.append({"@type": "VirtualLocation", "url": shown.join_url})
        else:  # cancelled: online, but no way in
            places.append({"@type": "VirtualLocation", "name": ONLINE["ja"]})
    return places[0] if len(places) == 1 else places


def _organizers(relations, home_url: str | None):
    found = []
    for page in (relations.salon, relations.project):
        if page:
            found.append({"@type": "Organization", "name": one_line(page.title)})
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
        "organizer": _organizers(text.relations, home_url),
    }
    if text.url:
        data["url"] = text.url
    if text.summary or text.body_text:
        data["description"] = text.summary or text.body_text[:500]
    if shown.previous_start is not None:
        data["previousStartDate"] = iso_tokyo(shown.previous_start)
    location = _location(event)
    if location:
        data["location"] = location
    if event.fee:
        offer = {"@type": "Offer", "priceCurrency": "JPY", "description": one_line(event.fee)}
        price = price_of(event.fee)
        if price is not None:
            offer["price"] = price
        offer["url"] = event.registration_url or text.url
        data["offers"] = offer
    return data


def script_json(data) -> str:
    """JSON that stays JSON and cannot close the <script> element it is placed in."""
    encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: SCRIPT_ESCAPES[m.group()], encoded)
