"""`make bench` (scale): the same three outputs at 1,000 and at 100,000 events, in one run.

Outputs: GraphQL `events(month: <this month>, months: 2, perPage: 50)` with every round-1 field,
the iCalendar feed and the embed page, each uncached (the response cache emptied before every
call), on a scratch PostgreSQL database (bench/database.py) with the demo content.

1. 1,000 events: 200 recent and upcoming (one a day from 80 days ago), 800 older ones.
2. 99,000 more, all in the past (one every two hours, going back 22 years): the archive grows,
   what the three outputs show stays the same (checked).
3. The same with the indexes of migration igren_pages.0003 dropped, to show what they do.

`ANALYZE` runs after every load (a server may run with autovacuum off). Prints medians, the
ratios with their goals, and the plans of the two listing queries; never asserts.
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

SCRATCH = use_scratch_database("_scale")

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.bulk import analyze, clone_events, template_event  # noqa: E402

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "20"))
GROWTH = int(os.environ.get("BENCH_SCALE_EVENTS", "100000"))
FIELDS = (
    "items { id title slug url start end status summary venue { name address } "
    "salon { title } project { title } organisations { name } categories { name } }"
)


def contenders(client):
    from pages.events.windows import today_in_tokyo

    month = f"{today_in_tokyo():%Y-%m}"
    query = f'{{ events(month: "{month}", months: 2, perPage: 50) {{ {FIELDS} }} }}'
    return {
        "graphql events(month, months: 2)": lambda: client.post(
            "/graphql/", {"query": query}, content_type="application/json"
        ),
        "/feeds/events.ics": lambda: client.get("/feeds/events.ics"),
        "/embed/events/": lambda: client.get("/embed/events/"),
    }


def measure(client) -> tuple[dict, dict, dict]:
    """Medians (ms), SQL counts and bodies of each contender, uncached, interleaved."""
    runs = contenders(client)
    timings = {name: [] for name in runs}
    counts, bodies = {}, {}
    for name, call in runs.items():
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = call()
        if response.status_code != 200:
            raise SystemExit(f"{name} failed: {response.content[:300]!r}")
        counts[name] = len(captured)
        bodies[name] = response.content
        if os.environ.get("BENCH_SQL"):
            slowest = max(captured.captured_queries, key=lambda q: float(q["time"]))
            print(f"  slowest SQL of {name}: {slowest['time']} s {slowest['sql'][:2000]}")
    for _ in range(ROUNDS):
        for name, call in runs.items():
            cache.clear()
            started = time.perf_counter()
            call()
            timings[name].append(time.perf_counter() - started)
    return {n: statistics.median(t) * 1000 for n, t in timings.items()}, counts, bodies


def explain(label: str, queryset) -> None:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) " + sql, params)
        plan = [row[0] for row in cursor.fetchall()]
    print(f"\n--- EXPLAIN {label} ---")
    print("\n".join(plan))


def plans() -> None:
    from igren_cms.feeds.selection import FeedQuery, _filtered
    from pages.events.windows import today_in_tokyo
    from pages.visibility import Audience

    audience = Audience()
    today = today_in_tokyo(audience.now)
    months = _filtered(FeedQuery(), audience, month=f"{today:%Y-%m}", months=2)[:50]
    explain("events(month, months: 2): this month and next, 50 a page", months)
    since = today - datetime.timedelta(days=90)
    feed = _filtered(FeedQuery(), audience, date_from=since)[:500]
    explain("the calendar feed: 90 days back and everything upcoming", feed)


def drop_indexes() -> list[str]:
    import importlib

    from pages.models import EventPage

    migration = importlib.import_module("pages.migrations.0003_event_end_index")
    names = [index.name for index in EventPage._meta.indexes]
    names += [name for name, _column in migration.PARTIAL_INDEXES]
    with connection.cursor() as cursor:
        for name in names:
            cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
    analyze()
    return names


def main():
    setup_test_environment()
    print(f"Scale bench on {connection.settings_dict['NAME']}: loading the demo...", flush=True)
    call_command("migrate", verbosity=0)
    call_command("load_igren_demo", verbosity=0)
    start = datetime.datetime(2000, 1, 15, 1, tzinfo=datetime.UTC)
    template = template_event(start, "規模計測用イベント", "scale-template", "計測用の例会")
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    day = datetime.timedelta(days=1)
    recent = [now - 80 * day + i * day for i in range(200)]
    older = [now - 91 * day - i * day for i in range(800 - 1)]
    clone_events(template, recent + older, "base")
    analyze()
    client = Client()
    small, small_counts, small_bodies = measure(client)
    print(f"Adding {GROWTH - 1000} older events...", flush=True)
    oldest = older[-1]
    hours = datetime.timedelta(hours=2)
    added = [oldest - (i + 1) * hours for i in range(GROWTH - 1000)]
    for chunk in range(0, len(added), 20_000):
        clone_events(template, added[chunk : chunk + 20_000], f"old{chunk}")
    analyze()
    from pages.models import EventPage

    total = EventPage.objects.count()
    large, large_counts, large_bodies = measure(client)
    for name in small:
        marker = "規模計測用イベント".encode()
        if small_bodies[name].count(marker) != large_bodies[name].count(marker):
            print(f"warning: {name} shows different events at the two sizes")
    plans()
    dropped = drop_indexes()
    unindexed, _, _ = measure(client)
    print(f"\nEvents: {total} (and 1,000 before); rounds: {ROUNDS}; medians, uncached:")
    print(f"(the indexes: {', '.join(dropped)})")
    for name in small:
        print(
            f"  {name:34s} 1k {small[name]:7.2f} ms ({small_counts[name]} SQL)  "
            f"{total // 1000}k {large[name]:7.2f} ms ({large_counts[name]} SQL)  "
            f"without the indexes {unindexed[name]:7.2f} ms"
        )
    for name in small:
        print(
            f"ratio {name} at {total // 1000}k / 1k = {large[name] / small[name]:.2f}  (goal ≤ 1.2)"
            f"  [without the indexes {unindexed[name] / small[name]:.2f}]"
        )


if __name__ == "__main__":
    run_then_drop(main, SCRATCH)
