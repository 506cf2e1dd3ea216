"""A client's mistake gets a short 4xx, never a 500, an internal message or a logged traceback.

Each case is an input that once answered HTTP 500, or "Internal error" with a traceback logged
at ERROR. Messages never echo more than 100 characters of what was sent.
"""

import json
import logging

import pytest

pytestmark = pytest.mark.django_db
GQL_ACCEPT = "application/graphql-response+json"


@pytest.fixture
def no_error_logs(caplog):
    caplog.set_level(logging.WARNING)
    yield
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]
    assert not [r for r in caplog.records if r.exc_info], "a traceback was logged"


def post_raw(client, body: bytes, content_type="application/json"):
    return client.generic(
        "POST", "/graphql/", body, content_type=content_type, headers={"accept": GQL_ACCEPT}
    )


def assert_client_error(response, status=400):
    assert response.status_code == status, (response.status_code, response.content[:300])
    text = response.content.decode("utf-8", "replace")
    assert "Traceback" not in text
    assert "Internal error" not in text
    assert len(text) < 2000


HTTP_CASES = {
    "variables nested 100,000 [ deep": (
        b'{"query": "{ home { title } }", "variables": {"a": '
        + b"[" * 100_000
        + b"]" * 100_000
        + b"}}"
    ),
    "variables nested 3,000 { deep": (
        b'{"query": "{ home { title } }", "variables": ' + b'{"a":' * 3000 + b"1" + b"}" * 3001
    ),
    "a lone surrogate in the query string": b'{"query": "{ home { title(x: \\"\\ud800\\") } }"}',
    "a lone surrogate in a variable": (
        b'{"query": "query($s: String) { salon(slug: $s) { title } }", '
        b'"variables": {"s": "\\ud800"}}'
    ),
}


@pytest.mark.parametrize("body", HTTP_CASES.values(), ids=HTTP_CASES.keys())
def test_malformed_json_bodies_are_400(client, no_error_logs, body):
    # Bodies over MAX_BODY_BYTES are refused for their size alone, before they are read.
    assert_client_error(post_raw(client, body), status=413 if len(body) > 64_000 else 400)


def test_deep_variables_in_a_get_are_400(client, no_error_logs):
    variables = '{"a":' * 40 + "1" + "}" * 40
    response = client.get(
        "/graphql/",
        {"query": "{ home { title } }", "variables": variables},
        headers={"accept": GQL_ACCEPT},
    )
    assert_client_error(response)


def test_graphql_body_with_invalid_utf8_is_400(client, no_error_logs):
    response = post_raw(client, b"{ home { title } }\xff", content_type="application/graphql")
    assert_client_error(response)


@pytest.mark.parametrize("query", ["months=%C2%B2", "limit=%C2%B3", "months=%E2%91%A0"])
def test_embed_numbers_that_only_look_like_digits_are_400(client, no_error_logs, query):
    response = client.get(f"/embed/events/?{query}")
    assert_client_error(response)


@pytest.mark.parametrize("query", ["months=%C2%B2", "limit=%E2%91%A0"])
def test_feed_numbers_that_only_look_like_digits_are_400(client, no_error_logs, query):
    response = client.get(f"/feeds/events.ics?{query}")
    assert response.status_code in (200, 400)
    assert response.status_code != 500


GRAPHQL_CASES = {
    "a date past the calendar": (
        '{ events(from: "2026-01-01", to: "9999-12-31") { items { title } } }'
    ),
    "a superscript id": '{ event(id: "²") { title } }',
    "a 5,000-digit id": '{ event(id: "' + "9" * 5000 + '") { title } }',
    "NUL in a slug": '{ salon(slug: "a\\u0000b") { title } }',
    "NUL in an event slug": '{ event(slug: "a\\u0000b") { title } }',
    "NUL in a search": '{ events(searchQuery: "a\\u0000b") { items { title } } }',
    "NUL in a project search": '{ projects(searchQuery: "a\\u0000b") { items { title } } }',
    "NUL in a category": '{ events(category: "a\\u0000b") { items { title } } }',
    "NUL in a month": '{ events(month: "2026-1\\u00001") { items { title } } }',
    "a huge page number": "{ events(page: 2147483647) { items { title } } }",
    "a negative page": "{ events(page: -1) { items { title } } }",
    "a year-0 month": '{ events(month: "0000-01") { items { title } } }',
    "many months": '{ events(month: "9999-12", months: 12) { items { title } } }',
}


@pytest.mark.parametrize("query", GRAPHQL_CASES.values(), ids=GRAPHQL_CASES.keys())
def test_bad_arguments_are_client_errors(gql, no_error_logs, query):
    body = gql(query)
    text = json.dumps(body, ensure_ascii=False)
    assert "Internal error" not in text
    for error in body.get("errors", []):
        assert len(error["message"]) < 300


def test_get_with_non_object_variables_is_400(client, no_error_logs):
    response = client.get(
        "/graphql/",
        {"query": "{ home { title } }", "variables": "5"},
        headers={"accept": GQL_ACCEPT},
    )
    assert_client_error(response)


@pytest.mark.parametrize("field", ["operationName", "month"])
def test_long_input_is_not_echoed(client, no_error_logs, field):
    long = "x" * 1_000_000
    if field == "operationName":
        payload = {"query": "query A { home { title } }", "operationName": long}
    else:
        payload = {"query": f'{{ events(month: "{long[:15000]}") {{ items {{ title }} }} }}'}
    response = client.post(
        "/graphql/", payload, content_type="application/json", headers={"accept": GQL_ACCEPT}
    )
    assert response.status_code in (200, 400, 413)
    assert len(response.content) < 2000


def test_a_lone_surrogate_in_get_variables_is_400(client, no_error_logs):
    response = client.get(
        "/graphql/",
        {
            "query": "query($s: String) { salon(slug: $s) { title } }",
            "variables": '{"s": "\\ud800"}',
        },
        headers={"accept": GQL_ACCEPT},
    )
    assert_client_error(response)


def test_an_explicit_null_limit_is_the_default(gql):
    """graphene passes `null` as None even when the argument has a default: it means the
    default, never a crash."""
    body = gql("{ salons { slug upcomingEvents(limit: null) { id } } }")
    assert "errors" not in body
    assert all(len(s["upcomingEvents"]) <= 5 for s in body["data"]["salons"])
    months = gql("{ eventMonths(months: null, limit: null) { month } }")
    assert "errors" not in months and len(months["data"]["eventMonths"]) == 2
