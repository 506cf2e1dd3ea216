"""`make bench` (scale): the same three outputs at 1,000 and at 100,000 events, interleaved.

Outputs: GraphQL `events(month: <this month>, months: 2, perPage: 50)` with every round-1 field,
the iCalendar feed and the embed page, each uncached (the response cache emptied before every
call), with the demo content, on two scratch PostgreSQL databases (bench/database.py) held by
two processes, one per size:

- small: 1,000 events, 200 recent and upcoming (one a day from 80 days ago), 800 older ones;
- large: the same 1,000 and 99,000 more, all in the past (one every two hours, going back 22
  years): the archive grows, what the three outputs show stays the same (checked).

The parent asks the two processes for one round each in turn, swapping who goes first every
round, so a busy moment of the machine falls on both sizes alike (measured one size after the
other, the same code gave ratios from 0.67 to 1.78 in four runs). The ratio reported is the
median of the per-round ratios. Then the same with the indexes of migration igren_pages.0003
dropped from the large database, to show what they do. `ANALYZE` runs after every load (a server
may run with autovacuum off). Prints medians, ratios with their goals and the plans of the two
listing queries; never asserts.
"""

import datetime
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "20"))
GROWTH = int(os.environ.get("BENCH_SCALE_EVENTS", "100000"))
FIELDS = (
    "items { id title slug url start end status summary venue { name address } "
    "salon { title } project { title } organisations { name } categories { name } }"
)
MARK = "@@ "  # a protocol line between the parent and a size's process


def setup_django(size: str):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    from bench.database import use_scratch_database

    scratch = use_scratch_database(f"_scale_{size}")
    import django

    django.setup()
    return scratch


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


def one_round(runs) -> dict:
    """Each contender once, uncached: milliseconds."""
    from django.core.cache import cache

    timings = {}
    for name, call in runs.items():
        cache.clear()
        started = time.perf_counter()
        call()
        timings[name] = (time.perf_counter() - started) * 1000
    return timings


def first_calls(runs) -> tuple[dict, dict]:
    """SQL counts and how many bench events each contender shows (the same at both sizes)."""
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts, shown = {}, {}
    for name, call in runs.items():
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            response = call()
        if response.status_code != 200:
            raise SystemExit(f"{name} failed: {response.content[:300]!r}")
        counts[name] = len(captured)
        shown[name] = response.content.count("規模計測用イベント".encode())
        if os.environ.get("BENCH_SQL"):
            slowest = max(captured.captured_queries, key=lambda q: float(q["time"]))
            print(f"  slowest SQL of {name}: {slowest['time']} s {slowest['sql'][:3000]}")
    return counts, shown


def explain(label: str, queryset) -> None:
    from django.db import connection

    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) " + sql, params)
        plan = [row[0] for row in cursor.fetchall()]
    print(f"\n--- EXPLAIN {label} ---")
    print("\n".join(plan))


def plans() -> None:
    from pages.event_filters import EventFilter
    from pages.events.windows import today_in_tokyo
    from pages.models import EventPage
    from pages.visibility import Audience

    audience = Audience()
    today = today_in_tokyo(audience.now)
    public = EventPage.objects.listing(audience)
    months = EventFilter(month=f"{today:%Y-%m}", months=2).apply(public, audience)[:50]
    explain("events(month, months: 2): this month and next, 50 a page", months)
    since = today - datetime.timedelta(days=90)
    feed = EventFilter(date_from=since).apply(public, audience)[:500]
    explain("the calendar feed: 90 days back and everything upcoming", feed)


def drop_indexes() -> list[str]:
    import importlib

    from django.db import connection

    from bench.bulk import analyze
    from pages.models import EventPage

    migration = importlib.import_module("pages.migrations.0003_event_end_index")
    names = [index.name for index in EventPage._meta.indexes]
    names += [name for name, _column in migration.PARTIAL_INDEXES]
    with connection.cursor() as cursor:
        for name in names:
            cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
    analyze()
    return names


def load(size: str) -> int:
    from django.core.management import call_command
    from django.utils import timezone

    from bench.bulk import analyze, clone_events, template_event
    from pages.models import EventPage

    call_command("migrate", verbosity=0)
    call_command("load_igren_demo", verbosity=0)
    start = datetime.datetime(2000, 1, 15, 1, tzinfo=datetime.UTC)
    template = template_event(start, "規模計測用イベント", "scale-template", "計測用の例会")
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    day = datetime.timedelta(days=1)
    recent = [now - 80 * day + i * day for i in range(200)]
    older = [now - 91 * day - i * day for i in range(800 - 1)]
    clone_events(template, recent + older, "base")
    if size == "large":
        hours = datetime.timedelta(hours=2)
        added = [older[-1] - (i + 1) * hours for i in range(GROWTH - 1000)]
        for chunk in range(0, len(added), 20_000):
            clone_events(template, added[chunk : chunk + 20_000], f"old{chunk}")
    analyze()
    return EventPage.objects.count()


def serve(size: str):
    """One size's process: load, then answer the parent's requests, one line each."""
    scratch = setup_django(size)
    from bench.database import run_then_drop

    def main():
        from django.test import Client
        from django.test.utils import setup_test_environment

        setup_test_environment()
        total = load(size)
        runs = contenders(Client())
        counts, shown = first_calls(runs)
        say({"events": total, "counts": counts, "shown": shown})
        for line in sys.stdin:
            command = line.strip()
            if command == "round":
                say(one_round(runs))
            elif command == "plans":
                plans()
                say({})
            elif command == "drop-indexes":
                say({"dropped": drop_indexes()})
            else:
                break

    run_then_drop(main, scratch)


def say(value) -> None:
    print(MARK + json.dumps(value, ensure_ascii=False), flush=True)


class Size:
    """The parent's handle on one size's process."""

    def __init__(self, size: str):
        self.size = size
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--serve", size],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def answer(self):
        for line in self.process.stdout:
            if line.startswith(MARK):
                return json.loads(line[len(MARK) :])
            print(line, end="")  # the plans, warnings
        raise SystemExit(f"the {self.size} process stopped: {self.process.wait()}")

    def ask(self, command: str):
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.answer()

    def close(self):
        if self.process.poll() is None:
            self.process.stdin.write("quit\n")
            self.process.stdin.close()
            self.process.wait(timeout=120)


def interleaved(small: Size, large: Size) -> tuple[dict, dict, dict]:
    """ROUNDS rounds, the first size swapped each round: medians of each and of the ratios."""
    times = {small: [], large: []}
    for number in range(ROUNDS):
        for size in (small, large) if number % 2 == 0 else (large, small):
            times[size].append(size.ask("round"))
    names = list(times[small][0])
    median = {
        size: {name: statistics.median(r[name] for r in rounds) for name in names}
        for size, rounds in times.items()
    }
    ratios = {
        name: statistics.median(
            b[name] / a[name] for a, b in zip(times[small], times[large], strict=True)
        )
        for name in names
    }
    return median[small], median[large], ratios


def main():
    print(f"Scale bench: loading 1,000 and {GROWTH:,} events into two databases...", flush=True)
    small, large = Size("small"), Size("large")
    try:
        small_facts, large_facts = small.answer(), large.answer()
        for name, count in small_facts["shown"].items():
            if large_facts["shown"][name] != count:
                print(f"warning: {name} shows different events at the two sizes")
        a, b, ratios = interleaved(small, large)
        large.ask("plans")
        dropped = large.ask("drop-indexes")["dropped"]
        _, unindexed, unindexed_ratios = interleaved(small, large)
    finally:
        small.close()
        large.close()
    total = large_facts["events"]
    print(f"\nEvents: {total:,} and {small_facts['events']:,}; {ROUNDS} rounds interleaved;")
    print(f"medians, uncached (the indexes: {', '.join(dropped)}):")
    for name in a:
        print(
            f"  {name:34s} 1k {a[name]:7.2f} ms ({small_facts['counts'][name]} SQL)  "
            f"{total // 1000}k {b[name]:7.2f} ms ({large_facts['counts'][name]} SQL)  "
            f"without the indexes {unindexed[name]:7.2f} ms"
        )
    for name in a:
        print(
            f"ratio {name} at {total // 1000}k / 1k = {ratios[name]:.2f}  (goal ≤ 1.2; median "
            f"of the rounds' ratios)  [without the indexes {unindexed_ratios[name]:.2f}]"
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["--serve"]:
        serve(sys.argv[2])
    else:
        main()
