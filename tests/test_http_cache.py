"""HTTP caching has one owner (igren_cms.http_cache): the ETag a client is given is the one it
can revalidate with, whether the kept answer is still in the cache or not, and a cached answer
carries exactly the headers of a fresh one at both cache layers, after a publish too."""

import re
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client

from igren_cms.http_cache.version import STATE_KEY

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
PATHS = (
    "/embed/events/?months=2",
    "/embed/events.js",
    "/feeds/events.ics",
    "/feeds/events.json",
    "/sitemap.xml",
    "/graphql/?query=%7B%20home%20%7B%20title%20%7D%20%7D",
)
# Headers that differ between two answers by nature (the clock), or on the wire only.
PER_ANSWER = {"date", "content-length"}


def headers_of(response):
    return {k.lower(): v for k, v in response.items() if k.lower() not in PER_ANSWER}


def forget_kept_answers():
    """Evict every kept answer but keep the content version (as an LRU eviction would)."""
    version = cache.get(STATE_KEY)
    cache.clear()
    cache.set(STATE_KEY, version, None)


@pytest.mark.parametrize("path", PATHS)
def test_the_etag_given_revalidates_even_when_the_answer_was_evicted(path):
    client = Client()
    first = client.get(path)
    assert first.status_code == 200 and first["ETag"].startswith('"')
    forget_kept_answers()
    again = client.get(path, headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304, path
    assert again["ETag"] == first["ETag"]


@pytest.mark.parametrize("path", PATHS)
def test_a_cached_answer_has_the_headers_of_a_fresh_one_at_both_layers(path, make_event):
    client = Client()
    fresh = client.get(path)  # rendered by the view, kept by it
    view_layer = client.get(path)  # kept by the view, now kept by the middleware too
    front = client.get(path)  # answered first in the stack
    # Another worker process (a Client has a stack of its own): its front layer has not seen
    # the path yet, so the view's kept answer is replayed.
    other_worker = Client().get(path)
    for cached in (view_layer, front, other_worker):
        assert headers_of(cached) == headers_of(fresh), path
    if path.startswith("/embed/events/"):
        assert (
            "X-Frame-Options" not in fresh and "frame-ancestors" in fresh["Content-Security-Policy"]
        )
    # After a publish the new answer is fresh again, and its repeats still match it.
    make_event("ヘッダー確認の会", "headers-check")
    after = client.get(path)
    for repeat in (client.get(path), client.get(path), Client().get(path)):
        assert headers_of(repeat) == headers_of(after), path
    assert after["ETag"] != fresh["ETag"]


def test_only_conf_reads_the_settings():
    """igren_cms.conf is the one reader and the one list of the plugin's settings."""
    readers = []
    for package in ("igren_cms", "pages", "snippets"):
        for source in (ROOT / package).rglob("*.py"):
            if "migrations" in source.parts or source.name == "conf.py":
                continue
            if re.search(r"^\s*from django\.conf import settings", source.read_text(), re.M):
                readers.append(str(source.relative_to(ROOT)))
    assert readers == []
