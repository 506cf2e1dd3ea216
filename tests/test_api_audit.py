"""The graphql-http server audit suite (npm) against the API behind a real HTTP server."""

import json
import subprocess

import pytest

from tests.outside_tools import JS_DIR, node_with


@pytest.fixture(scope="module")
def audit_results(served_site):
    node = node_with("graphql-http")
    completed = subprocess.run(
        [node, str(JS_DIR / "audit_graphql_http.mjs"), f"{served_site.url}/graphql/"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(completed.stdout)


def failures(results, level):
    return [
        f"{result['name']}: {result['reason']}"
        for result in results
        if result["name"].startswith(level) and result["status"] != "ok"
    ]


def test_the_audit_ran_its_suite(audit_results):
    levels = {result["name"].split()[0] for result in audit_results}
    assert {"MUST", "SHOULD", "MAY"} <= levels
    assert len(audit_results) > 50


def test_every_must_audit_passes(audit_results):
    assert failures(audit_results, "MUST") == []


def test_every_should_audit_passes(audit_results):
    assert failures(audit_results, "SHOULD") == []


def test_every_may_audit_passes(audit_results):
    assert failures(audit_results, "MAY") == []
