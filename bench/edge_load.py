"""`make bench` (edge): requests per second through the production topology, measured by wrk.

The stack of tests/production_stack.py (Caddy 2.6.2 → Varnish 7.1 → gunicorn, 2 workers, the
worker, Redis db 10, a scratch PostgreSQL database with the demo content), with the bench's
settings (bench/http_settings.py: the rate limit off, since wrk is one client). wrk drives each
scenario for BENCH_HTTP_SECONDS seconds in BENCH_HTTP_ROUNDS interleaved rounds, 1 thread and 8
connections, asking for gzip:

- the 今月と来月 GraphQL GET through Caddy and the edge cache (a hit in Varnish);
- the same GET straight to gunicorn with a new parameter on every request (no cache anywhere);
- a static file through the same proxy and cache (the widget's script, a Varnish hit too), and
  one Caddy serves from disk.

Prints req/s, p50 and the ratios with their goals (≥ 20× and ≥ 0.8×). Never asserts.
"""

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.database import drop_scratch_database, use_scratch_database  # noqa: E402
from bench.http_load import (  # noqa: E402
    MONTHS_FIELDS,
    ROUNDS,
    graphql_path,
    print_medians,
    run_wrk,
)
from tests.production_stack import Client, ProductionStack, tool  # noqa: E402

REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/10")


def main() -> None:
    if not shutil.which("wrk") or tool("caddy") is None or tool("varnishd") is None:
        print("wrk, caddy or varnishd is not installed (make tools): the edge bench is skipped.")
        return
    from datetime import datetime
    from zoneinfo import ZoneInfo

    import redis

    database_url = use_scratch_database("_edge")
    redis.Redis.from_url(REDIS_URL).flushdb()
    workdir = Path(tempfile.mkdtemp(prefix="igren-edge-bench-"))
    stack = ProductionStack(
        workdir, database_url, REDIS_URL, DJANGO_SETTINGS_MODULE="bench.http_settings"
    )
    print("edge bench: starting Caddy → Varnish → gunicorn...", flush=True)
    try:
        stack.start()
        month = datetime.now(ZoneInfo("Asia/Tokyo")).strftime("%Y-%m")
        months = graphql_path(
            f'{{ events(month: "{month}", months: 2, perPage: 50) {{ {MONTHS_FIELDS} }} }}'
        )
        edge = stack.url
        app = f"http://127.0.0.1:{stack.ports['app']}"
        client = Client(stack.ports["https"], "127.0.0.1")
        for path in (months, "/embed/events.js"):
            for _ in range(2):
                warm = client.get(path)
            if warm.header("x-cache") != "hit":
                raise SystemExit(f"the edge did not keep {path}: {warm.headers}")
        runs = {
            "今月と来月 GET, edge hit": (edge, months, None),
            "今月と来月 GET, uncached (gunicorn)": (app, months, "bust"),
            "static file through the edge": (edge, "/embed/events.js", None),
            "static file from Caddy's disk": (edge, "/static/probe.txt", None),
        }
        headers = {"X-Forwarded-Proto": "https"}  # straight to gunicorn, as the proxy says
        results = {name: [] for name in runs}
        for round_number in range(ROUNDS):
            for name, (base, path, bust) in runs.items():
                tag = f"{bust}{round_number}" if bust else None
                results[name].append(run_wrk(base, path, tag, headers, workdir))
        report(results)
    finally:
        stack.stop()
        drop_scratch_database(database_url)
        redis.Redis.from_url(REDIS_URL).flushdb()
        shutil.rmtree(workdir, ignore_errors=True)


def report(results: dict) -> None:
    rps, _p50 = print_medians(
        results, "Caddy → Varnish → gunicorn (2 workers × 4 threads)", width=38
    )
    hit = rps["今月と来月 GET, edge hit"]
    for label, value, goal in (
        (
            "edge hit / uncached through gunicorn",
            hit / rps["今月と来月 GET, uncached (gunicorn)"],
            "≥ 20",
        ),
        ("edge hit / static file, same cache", hit / rps["static file through the edge"], "≥ 0.8"),
        (
            "edge hit / static file, Caddy's disk",
            hit / rps["static file from Caddy's disk"],
            "(for reference)",
        ),
    ):
        print(f"  {label:44s} {value:8.1f}×   (goal {goal})")


if __name__ == "__main__":
    main()
