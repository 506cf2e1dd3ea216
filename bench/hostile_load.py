"""`make bench` (second part): what two clients looping an expensive query do to everyone else.

A real threaded HTTP server (runserver, one process, as tests/served_site.py starts it) serves
the demo site plus 500 events. The median of a trivial query (`{ home { title } }`) is measured
alone, then while two client threads loop, in turn:
  (1) round 2's worst document (24 aliases of 100 events with jsonLd; now refused by the cost
      estimate), and
  (2) the worst document still accepted (100 events with every field, jsonLd and body included).
Each loop is bounded in count and time. Prints medians and ratios, never asserts.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.served_site import ServedSite  # noqa: E402

TRIVIAL = "{ home { title } }"
REFUSED = (
    "{ "
    + " ".join(f"a{i}: events(perPage: 100) {{ items {{ jsonLd }} }}" for i in range(24))
    + " }"
)
WORST_ACCEPTED = (
    "{ events(perPage: 100) { items { title start end url summary body jsonLd icsUrl "
    "venue { name address } organisations { name } categories { name } } } }"
)
SAMPLES = int(os.environ.get("BENCH_SAMPLES", "60"))
LOOP_SECONDS = 30


def post(url, query):
    request = urllib.request.Request(  # noqa: S310
        url,
        data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json", "Accept": "application/graphql-response+json"},
    )
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
            response.read()
            status = response.status
    except urllib.error.HTTPError as error:  # a refused document: 400
        error.read()
        status = error.code
    return time.perf_counter() - started, status


def trivial_median(url):
    return statistics.median(post(url, TRIVIAL)[0] for _ in range(SAMPLES))


def under_load(url, query):
    stop = threading.Event()
    statuses = []

    def loop():
        deadline = time.monotonic() + LOOP_SECONDS
        for _ in range(500):  # bounded in count and in time
            if stop.is_set() or time.monotonic() > deadline:
                return
            statuses.append(post(url, query)[1])

    threads = [threading.Thread(target=loop) for _ in range(2)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    median = trivial_median(url)
    stop.set()
    for thread in threads:
        thread.join()
    return median, sorted(set(statuses))


def add_events(site):
    code = """
import datetime
from django.utils import timezone
from pages.models import EventPage, EventIndexPage
from snippets.models import Venue, Organisation, Category
index = EventIndexPage.objects.get(); venue = Venue.objects.first()
orgs = list(Organisation.objects.all()[:2]); cats = list(Category.objects.all()[:2])
now = timezone.now()
for i in range(500):
    start = now + datetime.timedelta(hours=3 * i)
    page = EventPage(title=f"負荷確認 {i}", slug=f"load-{i}", start=start,
                     end=start + datetime.timedelta(hours=2), venue=venue, summary="定例会",
                     body="<p>会員企業の取り組みを紹介します。</p>" * 5)
    index.add_child(instance=page); page.organisations.set(orgs); page.categories.set(cats)
"""
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code], cwd=ROOT, env=site.env, check=True
    )


def main():
    with tempfile.TemporaryDirectory() as work:
        site = ServedSite(Path(work))
        site.manage("migrate", "--noinput")
        site.manage("load_igren_demo")
        add_events(site)
        site.start()  # migrates and loads again: both are no-ops now
        url = site.url + "/graphql/"
        try:
            for _ in range(10):
                post(url, TRIVIAL)
            alone = trivial_median(url)
            refused, refused_statuses = under_load(url, REFUSED)
            accepted, accepted_statuses = under_load(url, WORST_ACCEPTED)
            one = post(url, WORST_ACCEPTED)[0]
        finally:
            site.stop()
    print("Trivial query median, one runserver process, demo + 500 events:")
    print(f"  alone                                       {alone * 1000:7.1f} ms")
    print(
        f"  2 clients looping the 24-alias jsonLd query  {refused * 1000:7.1f} ms "
        f"({refused / alone:.1f}x; loop answered {refused_statuses})"
    )
    print(
        f"  2 clients looping the worst accepted query   {accepted * 1000:7.1f} ms "
        f"({accepted / alone:.1f}x; loop answered {accepted_statuses}; "
        f"one such query alone {one * 1000:.0f} ms)"
    )


if __name__ == "__main__":
    main()
