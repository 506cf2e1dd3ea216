"""`make bench` (HTTP): requests per second through gunicorn, measured by wrk, in one run.

gunicorn serves the standalone site with the committed config (igren_site/gunicorn.conf.py,
2 workers here) and production settings (bench/http_settings.py: rate limit off, plain HTTP),
on a scratch PostgreSQL database with the demo content (ANALYZEd) and the response cache in
Redis (db 10, emptied first). wrk (Debian's package; skipped with a note when missing) drives
each URL for BENCH_HTTP_SECONDS seconds, in BENCH_HTTP_ROUNDS interleaved rounds, from one
thread with 8 connections, asking for gzip as browsers and CDNs do. "Uncached" runs add a
parameter that is new on every request (?bench=<round>-<n>), so every request misses the
response cache and is answered from PostgreSQL.

Prints requests per second and the median latency of each, and the ratios with their goals.
Never asserts.
"""

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.database import drop_scratch_database, use_scratch_database  # noqa: E402
from tests.served_site import free_port  # noqa: E402

SECONDS = int(os.environ.get("BENCH_HTTP_SECONDS", "5"))
ROUNDS = int(os.environ.get("BENCH_HTTP_ROUNDS", "3"))
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/10")
# Measured before round 2's delivery work (issue 10), on this kind of machine, demo content.
TODAY_EMBED_RPS = 14  # /embed/events/
TODAY_MONTHS_RPS = 7  # the 今月と来月 query with full fields

MONTHS_FIELDS = (
    "items { id title slug url start end allDay status statusLabel location when summary body "
    "onlineUrl attendanceMode fee capacity registrationUrl venue { name address } "
    "salon { title url } project { title url } organisations { name } categories { name } "
    "icsUrl jsonLd } pagination { total }"
)
LIST_FIELDS = "items { title start url venue { name } salon { title } }"
BUST = """
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, wrk.path .. "%s" .. "bench=%s-" .. counter)
end
"""


def graphql_path(document: str) -> str:
    return "/graphql/?" + urllib.parse.urlencode({"query": document})


def scenarios() -> dict:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    month = datetime.now(ZoneInfo("Asia/Tokyo")).strftime("%Y-%m")
    months = graphql_path(
        f'{{ events(month: "{month}", months: 2, perPage: 50) {{ {MONTHS_FIELDS} }} }}'
    )
    listing = graphql_path(f"{{ events(perPage: 20) {{ {LIST_FIELDS} }} }}")
    return {
        # name: (path, bust the cache, conditional)
        "今月と来月 GraphQL GET, uncached": (months, True, False),
        "今月と来月 GraphQL GET, cached": (months, False, False),
        "20-event list GET, uncached": (listing, True, False),
        "20-event list GET, cached": (listing, False, False),
        "/feeds/events.ics, rendered": ("/feeds/events.ics", True, False),
        "/feeds/events.ics, 304": ("/feeds/events.ics", False, True),
        "/embed/events/, uncached": ("/embed/events/", True, False),
        "/embed/events/, cached": ("/embed/events/", False, False),
        "/embed/events.js (static)": ("/embed/events.js", False, False),
    }


def server_env(database_url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.http_settings",
        "DATABASE_URL": database_url,
        "REDIS_URL": REDIS_URL,
        "SECRET_KEY": "bench-" + "k3y!x" * 12,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
    }


def prepare(env: dict) -> None:
    for args in (["migrate", "--noinput"], ["load_igren_demo"]):
        subprocess.run(
            [sys.executable, "manage.py", *args, "--verbosity", "0"], cwd=ROOT, env=env, check=True
        )
    import psycopg
    import redis

    with psycopg.connect(env["DATABASE_URL"], autocommit=True) as connection:
        connection.execute("ANALYZE")
    redis.Redis.from_url(REDIS_URL).flushdb()


def wait_until_up(url: str, process, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn exited; see its log above.")
        try:
            with urllib.request.urlopen(url + "/embed/events.js", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer within 60 s.")


def fetch(url: str, headers: dict | None = None):
    headers = {"Accept-Encoding": "gzip", **(headers or {})}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - our own server
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        return response.status, response.headers, response.read()


def to_ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def run_wrk(url: str, path: str, bust: str | None, headers: dict, workdir: Path) -> dict:
    command = ["wrk", "-t1", "-c8", f"-d{SECONDS}s", "--latency", "--timeout", "10s"]
    for name, value in {"Accept-Encoding": "gzip", **headers}.items():
        command += ["-H", f"{name}: {value}"]
    if bust:
        script = workdir / f"bust-{bust}.lua"
        script.write_text(BUST % ("&" if "?" in path else "?", bust))
        command += ["-s", str(script)]
    output = subprocess.run(
        [*command, url + path], capture_output=True, text=True, timeout=SECONDS + 30, check=True
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return {"rps": rps, "p50": p50, "bad": int(bad.group(1)) if bad else 0}


def main() -> None:
    if not shutil.which("wrk"):
        print("wrk is not installed (apt-get install wrk): the HTTP bench is skipped.")
        return
    database_url = use_scratch_database("_http")
    env = server_env(database_url)
    workdir = Path(tempfile.mkdtemp(prefix="igren-http-bench-"))
    print(f"HTTP bench: preparing {database_url.rsplit('/', 1)[1]}...", flush=True)
    prepare(env)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = open(workdir / "gunicorn.log", "wb")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "igren_site/gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_up(url, server)
        runs = scenarios()
        headers = {}
        for name, (path, _bust, conditional) in runs.items():
            status, response_headers, body = fetch(url + path)
            if status != 200 or (path.startswith("/graphql/") and b'"errors"' in body[:20]):
                raise SystemExit(f"{name}: {status} {body[:200]!r}")
            headers[name] = {"If-None-Match": response_headers["ETag"]} if conditional else {}
        results = {name: [] for name in runs}
        for round_number in range(ROUNDS):
            for name, (path, bust, _conditional) in runs.items():
                tag = f"{round_number}{abs(hash(name)) % 10_000}" if bust else None
                results[name].append(run_wrk(url, path, tag, headers[name], workdir))
        report(results)
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
        drop_scratch_database(database_url)
        shutil.rmtree(workdir, ignore_errors=True)


def print_medians(results: dict, setting: str, width: int = 34) -> tuple[dict, dict]:
    """Print each scenario's median req/s and p50 over the rounds; both, by name."""
    rps = {name: statistics.median(r["rps"] for r in runs) for name, runs in results.items()}
    p50 = {name: statistics.median(r["p50"] for r in runs) for name, runs in results.items()}
    print(f"\n{setting}; wrk 1 thread, 8 connections, {SECONDS} s × {ROUNDS} rounds (median):")
    for name in results:
        bad = sum(r["bad"] for r in results[name])
        note = f"  ({bad} non-2xx/3xx!)" if bad else ""
        print(f"  {name:{width}s} {rps[name]:9.1f} req/s   p50 {p50[name]:8.2f} ms{note}")
    return rps, p50


def report(results: dict) -> None:
    rps, p50 = print_medians(results, "gunicorn, 2 workers × 4 threads")
    for label, value, goal in (
        (
            "cached 今月と来月 / uncached",
            rps["今月と来月 GraphQL GET, cached"] / rps["今月と来月 GraphQL GET, uncached"],
            "≥ 20",
        ),
        (
            "feed 304 / feed rendered",
            rps["/feeds/events.ics, 304"] / rps["/feeds/events.ics, rendered"],
            "≥ 10",
        ),
        (
            "embed cached / embed uncached",
            rps["/embed/events/, cached"] / rps["/embed/events/, uncached"],
            "≥ 20",
        ),
        (
            f"cached 今月と来月 / {TODAY_MONTHS_RPS} req/s before",
            rps["今月と来月 GraphQL GET, cached"] / TODAY_MONTHS_RPS,
            "(for reference)",
        ),
        (
            f"embed cached / {TODAY_EMBED_RPS} req/s before",
            rps["/embed/events/, cached"] / TODAY_EMBED_RPS,
            "≥ 20",
        ),
    ):
        goal = goal if goal.startswith("(") else f"(goal {goal})"
        print(f"ratio {label:34s} = {value:7.1f}  {goal}")
    print(json.dumps({"rps": rps, "p50_ms": p50}, ensure_ascii=False), file=sys.stderr)


if __name__ == "__main__":
    main()
