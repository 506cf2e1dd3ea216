"""`make bench`: median latency of ways to list the same 50 events, measured in one run.

(a) our GraphQL `events` query (POST, uncached); (b) Wagtail's REST API v2 page listing with
the same fields; (c) a plain Django view returning the fields from values() as JSON; (d) the
same GraphQL query as a GET, uncached (the response cache emptied first), cached, and as a 304
revalidation; (e) the calendar feed rendered and its 304. Prints medians and ratios with their
goals, never asserts. The database is a scratch PostgreSQL database (bench/database.py) filled
with EVENTS events, then ANALYZEd.
"""

import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

from bench.database import run_then_drop, use_scratch_database

SCRATCH = use_scratch_database()

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

EVENTS = int(os.environ.get("BENCH_EVENTS", "1000"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "40"))


def prepare():
    call_command("migrate", verbosity=0)
    call_command("load_igren_demo", verbosity=0)
    from bench.bulk import analyze, clone_events, template_event

    start = datetime.datetime(2031, 1, 1, 1, tzinfo=datetime.UTC)
    template = template_event(start, "ベンチマーク用イベント", "bench-template", "計測用")
    hour = datetime.timedelta(hours=1)
    clone_events(template, [start + i * hour for i in range(1, EVENTS)], "bench")
    analyze()


GRAPHQL = (
    '{ events(from: "2031-01-01", to: "2031-12-31", perPage: 50) { items { id title slug '
    "start end status summary venue { name address } salon { title } project { title } "
    "organisations { name } categories { name } } } }"
)


def uncached(call):
    from django.core.cache import cache

    def run():
        cache.clear()  # the response cache and the content version: a cold answer
        return call()

    return run


def contenders(client):
    get = lambda **headers: client.get("/graphql/", {"query": GRAPHQL}, headers=headers)  # noqa: E731
    etag = get()["ETag"]
    feed_etag = client.get("/feeds/events.ics")["ETag"]
    return {
        "graphql": lambda: client.post(
            "/graphql/", {"query": GRAPHQL}, content_type="application/json"
        ),
        "wagtail_api_v2": lambda: client.get(
            "/api/v2/pages/",
            {
                "type": "igren_pages.EventPage",
                "limit": 50,
                "order": "start",
                "fields": "start,end,status,summary,venue,salon,project,organisations,categories",
            },
        ),
        "plain_values": lambda: client.get("/plain/"),
        "get_uncached": uncached(get),
        "get_cached": get,
        "get_304": lambda: get(if_none_match=etag),
        "feed_render": uncached(lambda: client.get("/feeds/events.ics")),
        "feed_304": lambda: client.get("/feeds/events.ics", headers={"if-none-match": feed_etag}),
    }


def main():
    setup_test_environment()
    print(f"Preparing {EVENTS} events...", flush=True)
    prepare()
    client = Client()
    runs = contenders(client)
    for name, call in runs.items():
        response = call()
        if response.status_code not in (200, 304):
            raise SystemExit(f"{name} failed: {response.content[:300]!r}")
    timings = {name: [] for name in runs}
    for _ in range(ROUNDS):  # interleaved, so drift affects all three alike
        for name, call in runs.items():
            started = time.perf_counter()
            call()
            timings[name].append(time.perf_counter() - started)
    medians = {name: statistics.median(t) * 1000 for name, t in timings.items()}
    for name, value in medians.items():
        print(f"{name:16s} median {value:8.2f} ms over {ROUNDS} rounds")
    print(
        f"ratio graphql / plain_values   = {medians['graphql'] / medians['plain_values']:.2f}"
        "  (goal ≤ 2)"
    )
    print(
        f"ratio graphql / wagtail_api_v2 = {medians['graphql'] / medians['wagtail_api_v2']:.2f}"
        "  (goal < 1)"
    )
    m = medians
    for label, value, goal in (
        ("cached GET / plain_values", m["get_cached"] / m["plain_values"], "≤ 1.2"),
        ("304 GET / plain_values", m["get_304"] / m["plain_values"], "≤ 1"),
        ("uncached GET / cached GET", m["get_uncached"] / m["get_cached"], "≥ 20"),
        ("feed render / feed 304", m["feed_render"] / m["feed_304"], "≥ 10"),
    ):
        print(f"ratio {label:26s} = {value:.2f}  (goal {goal})")


if __name__ == "__main__":
    run_then_drop(main, SCRATCH)
