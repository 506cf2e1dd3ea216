"""Helpers for the feed tests: fetch a feed and parse it with a real parser."""

import json
import subprocess

import icalendar

from tests.outside_tools import JS_DIR, node_with


def fetch(client, path, status=200, **headers):
    response = client.get(path, headers=headers)
    assert response.status_code == status, (path, response.status_code, response.content[:300])
    return response


def vevents(body: bytes) -> dict:
    """{UID: VEVENT} parsed by the python icalendar library."""
    calendar = icalendar.Calendar.from_ical(body)
    found = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event["UID"])
        assert uid not in found, f"duplicate UID {uid}"
        found[uid] = event
    return found


def by_summary(body: bytes) -> dict:
    return {str(e["SUMMARY"]): e for e in vevents(body).values()}


def ical_js(body: bytes, tmp_path) -> list:
    """The VEVENTs of an iCalendar body as ical.js reads them (tests/js/parse_ical.mjs)."""
    node = node_with("ical.js")
    path = tmp_path / "feed.ics"
    path.write_bytes(body)
    completed = subprocess.run(
        [node, str(JS_DIR / "parse_ical.mjs"), str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(completed.stdout)[0]
