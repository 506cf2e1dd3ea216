"""Delivery to frontends and CDNs: cacheable GET with ETag and 304 decided from the content
version (no query run), a response cache invalidated by publishing and by time, compression,
UTF-8 JSON, no cookies, Apollo's automatic persisted queries (with Apollo Client 4 itself) and
trusted documents."""

import datetime
import gzip
import hashlib
import json
import subprocess
import urllib.parse

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from igren_cms.models import TrustedDocument
from tests.outside_tools import JS_DIR, node_with

pytestmark = pytest.mark.django_db

MONTHS = "{ events(months: 2, perPage: 50) { items { title status } } }"


def get(client, query, **headers):
    return client.get("/graphql/", {"query": query}, headers=headers)


def titles(response):
    return [i["title"] for i in json.loads(response.content)["data"]["events"]["items"]]


def test_get_is_cacheable_and_takes_no_cookies(client):
    response = get(client, MONTHS)
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60, stale-while-revalidate=300"
    assert response["ETag"].startswith('"') and response["Vary"] == "Accept, Accept-Encoding"
    assert not response.cookies
    post = client.post("/graphql/", {"query": MONTHS}, content_type="application/json")
    assert post["Cache-Control"] == "no-store" and not post.cookies
    for path in ("/feeds/events.ics", "/feeds/events.rss", "/embed/events/", "/embed/events.js"):
        assert not client.get(path).cookies, path


def test_304_is_decided_without_running_the_query(client):
    etag = get(client, MONTHS)["ETag"]
    with CaptureQueriesContext(connection) as queries:
        again = get(client, MONTHS, if_none_match=etag)
    assert again.status_code == 304 and again["ETag"] == etag and not again.content
    assert len(queries) == 0
    with CaptureQueriesContext(connection) as queries:
        cached = get(client, MONTHS)  # no validator: the body comes from the cache
    assert cached.status_code == 200 and len(queries) == 0


def test_publishing_changes_the_next_response(client, make_event):
    before = get(client, MONTHS)
    event = make_event("配信確認の交流会", "delivery-check")
    after = get(client, MONTHS, if_none_match=before["ETag"])
    assert after.status_code == 200 and after["ETag"] != before["ETag"]
    assert "配信確認の交流会" in titles(after)
    event.unpublish()
    assert "配信確認の交流会" not in titles(get(client, MONTHS))


def test_a_snippet_change_invalidates_too(client):
    from snippets.models import Venue

    query = "{ events(months: 2) { items { venue { name } } } }"
    before = get(client, query)["ETag"]
    venue = Venue.objects.get(name="かながわ異業種交流センター")
    venue.name = "かながわ異業種交流センター（新館）"
    venue.save()
    assert get(client, query, if_none_match=before).status_code == 200


def test_time_alone_renews_the_version_when_an_event_ends(client, make_event):
    now = timezone.now()
    make_event("まもなく終わる会", "ending-soon", start=now - datetime.timedelta(hours=1),
               end=now + datetime.timedelta(minutes=5))  # fmt: skip
    query = "{ salons { slug } events(months: 1) { items { title } } }"
    etag = get(client, query)["ETag"]
    assert get(client, query, if_none_match=etag).status_code == 304
    with time_machine.travel(now + datetime.timedelta(minutes=6)):
        assert get(client, query, if_none_match=etag).status_code == 200


def test_responses_are_compressed_utf8_json(client):
    plain = get(client, MONTHS)
    packed = get(client, MONTHS, accept_encoding="gzip")
    assert packed["Content-Encoding"] == "gzip"
    body = gzip.decompress(packed.content)
    assert body == plain.content
    assert "\\u" not in body.decode() and "交流" in body.decode()
    # The repeat was served from the gzip kept with the entry: weak ETag, as GZipMiddleware
    # gives, and it revalidates like the plain one.
    assert packed["ETag"] == f"W/{plain['ETag']}"
    assert get(client, MONTHS, if_none_match=packed["ETag"]).status_code == 304
    assert packed["Vary"] == "Accept, Accept-Encoding"


def sha(text):
    return hashlib.sha256(text.encode()).hexdigest()


def apq(client, query=None, digest=None, method="GET"):
    extensions = {"persistedQuery": {"version": 1, "sha256Hash": digest or sha(query)}}
    params = {"extensions": json.dumps(extensions)}
    if query:
        params["query"] = query
    headers = {"accept": "application/json"}
    if method == "GET":
        return client.get("/graphql/", params, headers=headers)
    body = {"extensions": extensions, **({"query": query} if query else {})}
    return client.post("/graphql/", body, content_type="application/json", headers=headers)


def test_automatic_persisted_queries(client):
    query = "query Menu { navigation { title } }"
    missing = apq(client, digest=sha(query))
    error = missing.json()["errors"][0]
    assert error == {
        "message": "PersistedQueryNotFound",
        "extensions": {"code": "PERSISTED_QUERY_NOT_FOUND"},
    }
    assert missing["Cache-Control"] == "no-store"
    registered = apq(client, query, method="POST")
    assert registered.json()["data"]["navigation"]
    hashed = apq(client, digest=sha(query))
    assert hashed.status_code == 200 and hashed.json() == registered.json()
    assert "public" in hashed["Cache-Control"]
    wrong = apq(client, query, digest=sha("{ home { title } }"), method="POST")
    assert wrong.json()["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_HASH_MISMATCH"
    bad = client.get("/graphql/", {"extensions": '{"persistedQuery": {"version": 2}}'})
    assert bad.status_code == 400 and "sha256Hash" in bad.content.decode()
    assert client.get("/graphql/", {"extensions": "not json"}).status_code == 400


@pytest.fixture
def registered_documents(tmp_path):
    (tmp_path / "menu.graphql").write_text("query Menu { navigation { title path } }")
    (tmp_path / "nested").mkdir()
    (tmp_path / "nested" / "home.graphql").write_text("query Home { home { title } }")
    manifest = tmp_path / "persisted-documents.json"
    doc = "query Months { events(months: 2) { items { title } } }"
    manifest.write_text(json.dumps({sha(doc): doc}))
    call_command("igren_trusted_documents", str(tmp_path), verbosity=0)
    call_command("igren_trusted_documents", str(manifest), verbosity=0)
    return doc


def test_trusted_documents_only(client, settings, registered_documents):
    assert TrustedDocument.objects.count() == 3
    settings.IGREN_API = {"RATE_LIMIT": None, "TRUSTED_DOCUMENTS_ONLY": True}
    by_hash = apq(client, digest=sha(registered_documents))
    assert by_hash.json()["data"]["events"] is not None
    in_full = get(client, "query Home { home { title } }", accept="application/json")
    assert in_full.json()["data"]["home"]["title"]
    other = get(client, "{ home { title tagline } }", accept="application/json")
    assert other.json()["errors"][0]["extensions"]["code"] == "TRUSTED_DOCUMENT_REQUIRED"
    refused = apq(client, "{ __typename }", method="POST")
    assert refused.json()["errors"][0]["extensions"]["code"] == "TRUSTED_DOCUMENT_REQUIRED"


def test_a_manifest_with_a_wrong_hash_or_an_invalid_document_is_refused(tmp_path):
    from django.core.management.base import CommandError

    manifest = tmp_path / "m.json"
    manifest.write_text(json.dumps({"0" * 64: "{ home { title } }"}))
    with pytest.raises(CommandError, match="hash"):
        call_command("igren_trusted_documents", str(manifest))
    (tmp_path / "bad.graphql").write_text("{ nosuchfield }")
    with pytest.raises(CommandError, match="nosuchfield"):
        call_command("igren_trusted_documents", str(tmp_path / "bad.graphql"))
    assert not TrustedDocument.objects.exists()


@pytest.mark.tools(node="@apollo/client")
def test_apollo_client_persisted_queries_and_get(served_site):
    node = node_with("@apollo/client")
    run = subprocess.run(
        [node, "apollo_apq.mjs", f"{served_site.url}/graphql/"],
        cwd=JS_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert out["first"]["navigation"] and out["first"] == out["second"]
    assert out["third"]["home"]["title"]
    # Hash first (unknown), then hash + document, then the hash alone; all GET.
    methods = [(s["method"], s["hashOnly"]) for s in out["seen"]]
    assert methods[:3] == [("GET", True), ("GET", False), ("GET", True)], out["seen"]
    assert all(s["status"] in (200, 400) for s in out["seen"])


def test_the_gzip_ratio_of_this_month_and_next(client, make_event):
    for i in range(40):
        make_event(f"圧縮確認の交流会その{i}", f"gzip-{i}", summary="会員企業の交流会です。" * 5)
    query = urllib.parse.quote(
        "{ events(months: 2, perPage: 100) { items { title summary start end status url "
        "venue { name fullAddress } } } }"
    )
    response = Client().get(f"/graphql/?query={query}", headers={"accept-encoding": "gzip"})
    ratio = len(gzip.decompress(response.content)) / len(response.content)
    assert ratio > 5, ratio


def test_repeats_are_answered_at_the_front_of_the_stack_with_every_header(client, settings):
    """ResponseCacheMiddleware: the repeat runs no query and no view, yet carries the same
    security headers, and a publish still shows on the very next request."""
    from igren_cms.api import views

    first = get(client, MONTHS, accept_encoding="gzip")
    calls = []
    original = views.cached_get
    views.cached_get = lambda *a, **k: calls.append(1) or original(*a, **k)
    try:
        with CaptureQueriesContext(connection) as queries:
            again = get(client, MONTHS, accept_encoding="gzip")
    finally:
        views.cached_get = original
    assert again.status_code == 200 and len(queries) == 0 and calls == []
    assert gzip.decompress(again.content) == gzip.decompress(first.content)
    for header in (
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cache-Control",
        "Vary",
        "Access-Control-Allow-Origin",
        "ETag",
        "Content-Type",
        "Content-Encoding",
    ):
        assert again.get(header) == first.get(header), header
    assert not again.cookies
    assert get(client, MONTHS, if_none_match=again["ETag"]).status_code == 304


def test_each_host_gets_its_own_absolute_urls(client):
    local = client.get("/feeds/events.rss", HTTP_HOST="localhost")
    again = client.get("/feeds/events.rss", HTTP_HOST="127.0.0.1")
    assert b"http://localhost/" in local.content and b"http://localhost/" not in again.content
    assert client.get("/feeds/events.rss", HTTP_HOST="evil.example").status_code == 400


def test_a_cached_response_is_not_served_over_plain_http_when_https_is_required(settings):
    settings.SECURE_SSL_REDIRECT = True
    client = Client()
    for _ in range(2):  # kept, then served from the front of the stack
        assert client.get("/feeds/events.ics", secure=True).status_code == 200
    response = client.get("/feeds/events.ics")
    assert response.status_code == 301 and response["Location"].startswith("https://")
