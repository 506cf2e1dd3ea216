"""A database outage is visible: 503 with Retry-After everywhere, 200 again once it is back.

A throwaway PostgreSQL cluster (as scripts/with_postgres.py starts one) serves a real HTTP
server; the test stops the cluster under it, checks every endpoint, starts it again and checks
that the same server (no restart) answers 200 within 5 s. The shared cluster is never touched.
"""

import importlib.util
import json
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.outside_tools import missing
from tests.served_site import ServedSite, free_port

ROOT = Path(__file__).resolve().parent.parent
PATHS = {
    "graphql": "/graphql/?query=%7Bhome%7Btitle%7D%7D",
    "feed": "/feeds/events.ics",
    "embed": "/embed/events/",
    "page": "/events/",
}


def with_postgres():
    spec = importlib.util.spec_from_file_location(
        "with_postgres", ROOT / "scripts/with_postgres.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def site_on_its_own_cluster(tmp_path_factory):
    tools = with_postgres()
    bindir = tools.server_binaries()
    if bindir is None:
        missing("the PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    cluster = tools.ThrowawayCluster(bindir, port=free_port()).init().start()
    # Redis as the shared cache, as in production: what it holds outlives the database's outage.
    redis_url = "redis://127.0.0.1:6379/11"
    import redis

    redis.Redis.from_url(redis_url).flushdb()
    site = ServedSite(
        tmp_path_factory.mktemp("outage"), {"DATABASE_URL": cluster.url, "REDIS_URL": redis_url}
    )
    # A second server on the same database with the embedded default cache (Django's database
    # cache): during the outage its cache is down too, and it answers 503, never 500.
    second = ServedSite(tmp_path_factory.mktemp("outage-db-cache"), {"DATABASE_URL": cluster.url})
    try:
        site.start()
        second.manage("migrate", "--noinput")  # its cache table (igren_cms.shared_cache)
        second.start(prepare=False)
        site.second = second
        yield site, cluster
    finally:
        site.stop()
        second.stop()
        cluster.remove()


def test_an_outage_is_503_and_the_return_is_200_without_a_restart(site_on_its_own_cluster):
    site, cluster = site_on_its_own_cluster
    for name, path in PATHS.items():
        assert get(site.url + path)[0] == 200, name

    cluster.stop()
    # What was answered before the outage is answered again from the shared response cache
    # (nothing can be published while the database is down); anything new needs the
    # database and gets 503.
    for name in ("graphql", "feed", "embed"):
        assert get(site.url + PATHS[name])[0] == 200, name
    during = dict(
        PATHS,
        graphql="/graphql/?query=%7Bhome%7Btitle%20tagline%7D%7D",
        feed="/feeds/events.ics?salon=kawasaki",
        embed="/embed/events/?salon=kawasaki",
    )
    for name, path in during.items():
        status, headers, body = get(site.url + path)
        assert status == 503, (name, status, body[:300])
        assert int(headers["Retry-After"]) > 0, name
        assert b"Traceback" not in body and b"OperationalError" not in body
        if name == "graphql":
            error = json.loads(body)["errors"][0]
            assert error["extensions"]["code"] == "SERVICE_UNAVAILABLE"

    for name, path in PATHS.items():
        status, headers, body = get(site.second.url + path)
        assert status == 503, ("database cache", name, status, body[:300])
        assert int(headers["Retry-After"]) > 0, name

    cluster.start()
    back = time.monotonic()
    for name, path in PATHS.items():
        while (status := get(site.url + path)[0]) != 200 and time.monotonic() - back < 5:
            time.sleep(0.1)
        assert status == 200, f"{name} still {status} 5 s after the database came back"
        assert get(site.second.url + path)[0] == 200, ("database cache", name)
    assert site.process.poll() is None  # the same server process throughout
    log = site.log.read_text()
    assert "Traceback" not in log
    assert "database unreachable" in log
    assert "Traceback" not in site.second.log.read_text()
