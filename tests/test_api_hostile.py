"""Hostile queries are refused before execution as GraphQL errors (never a 500).

How fast is measured in test_api_hostile_cost.py, as a ratio against a trivial query."""

import pytest

from tests.hostile import doubling_fragments

pytestmark = pytest.mark.django_db


def post(client, query, variables=None, accept="application/graphql-response+json"):
    return client.post(
        "/graphql/",
        {"query": query, "variables": variables or {}},
        content_type="application/json",
        headers={"accept": accept},
    )


@pytest.mark.parametrize(
    ("name", "query", "expected"),
    [
        (
            "depth",
            "{ __schema { types { fields { type { "
            + "ofType { " * 12
            + "name"
            + " }" * 12
            + " } } } } }",
            "nesting depth",
        ),
        (
            "aliases",
            "{ " + " ".join(f"a{i}: home {{ title }}" for i in range(2000)) + " }",
            "limit",
        ),
        (
            "self-referencing fragment",
            "query { ...A } fragment A on Query { home { title } ...A }",
            "Cannot spread fragment 'A' within itself",
        ),
        ("undefined fragment", "query { ...Missing }", "Unknown fragment 'Missing'"),
        ("doubling fragment chain", doubling_fragments(40), "estimated cost"),
        (
            "thousands of directives",
            "{ home { title " + "@include(if: true) " * 3000 + "} }",
            "limit",
        ),
        ("brace bomb", "{" * 5000 + "}" * 5000, "more than 800 tokens"),
        ("deep field bomb", "{ a " + "{ a " * 900 + "}" * 901, "more than 800 tokens"),
        ("250 nested fields", "{ a " + "{ a " * 250 + "}" * 251, "nest"),
        ("brace bomb within the token limit", "{" * 390 + "}" * 390, "Syntax Error"),
        ("token flood", "{ home { " + "title " * 3000 + "} }", "more than 800 tokens"),
        (
            "forty aliases",
            "{ " + " ".join(f"a{i}: home {{ title }}" for i in range(40)) + " }",
            "number of aliases (40) is over the limit of 30",
        ),
        (
            "25 directives",
            "{ home { title " + "@include(if: true) " * 25 + "} }",
            "number of directives (25) is over the limit of 20",
        ),
    ],
)
def test_rejected_fast_as_a_graphql_error(client, name, query, expected):
    response = post(client, query)
    assert response.status_code == 400, (name, response.status_code)
    body = response.json()
    assert body.get("data") is None
    assert expected in body["errors"][0]["message"], body["errors"][0]["message"]


def test_a_legacy_json_client_gets_the_same_rejection_with_status_200(client):
    # GraphQL over HTTP: with `Accept: application/json` a request error is a 200 with `errors`.
    response = post(client, "{ a " + "{ a " * 900 + "}" * 901, accept="application/json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = response.json()
    assert "data" not in body
    assert "more than 800 tokens" in body["errors"][0]["message"]


def test_a_megabyte_string_argument_is_refused(client):
    query = '{ events(searchQuery: "' + "あ" * 350_000 + '") { items { title } } }'
    response = post(client, query)
    assert response.status_code == 413  # the body alone is over MAX_BODY_BYTES
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "REQUEST_TOO_LARGE"
    assert "bytes" in error["message"]


def test_a_long_string_argument_under_the_body_limit_is_refused_by_the_query_limit(client):
    query = '{ events(searchQuery: "' + "あ" * 7_000 + '") { items { title } } }'
    response = post(client, query)
    assert response.status_code == 400
    assert "bytes" in response.json()["errors"][0]["message"]


def test_a_long_search_is_refused_with_a_short_message(client):
    response = post(
        client,
        "query($q: String) { events(searchQuery: $q) { items { title } } }",
        {"q": "x" * 60_000},
    )
    assert response.status_code == 200
    (error,) = response.json()["errors"]
    assert error["message"] == "search must be at most 200 characters."
    assert len(response.content) < 500


def test_typename_is_always_allowed(client):
    response = post(client, "{ __typename events { __typename items { __typename title } } }")
    assert response.status_code == 200
    assert response.json()["data"]["__typename"] == "Query"


def test_introspection_is_a_setting(client, settings):
    query = "{ __schema { queryType { name } } }"
    assert post(client, query).json()["data"]["__schema"]["queryType"]["name"] == "Query"
    settings.IGREN_API = {"INTROSPECTION": False}
    response = post(client, query)
    assert response.status_code == 400
    assert "introspection" in response.json()["errors"][0]["message"].lower()
    assert post(client, "{ __typename }").status_code == 200


def test_no_field_name_suggestions(client):
    response = post(client, "{ evnts { items { title } } }")
    message = response.json()["errors"][0]["message"]
    assert "Cannot query field 'evnts'" in message
    assert "Did you mean" not in message


def test_depth_within_the_limit_runs(client):
    response = post(client, "{ salons { upcomingEvents { salon { title } venue { name } } } }")
    assert response.status_code == 200
    assert "errors" not in response.json()


def test_a_query_past_its_time_budget_keeps_what_was_done(client, settings, monkeypatch):
    """Objects whose fields would start after MAX_SECONDS fail with QUERY_TIMEOUT; the fields
    resolved before stand. The clock is a counter that moves one second per object."""
    from igren_cms.api import views

    clock = iter(range(1_000))
    monkeypatch.setattr(views, "monotonic", lambda: next(clock))
    settings.IGREN_API = {"MAX_SECONDS": 3}  # the home page and the list start, items do not
    response = post(client, "{ home { title } events(perPage: 5) { items { title } } }")
    assert response.status_code == 200
    body = response.json()
    assert body["data"]["home"]["title"]
    assert body["data"]["events"] is None
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "QUERY_TIMEOUT"
    assert "time limit of 3 s" in error["message"]
    assert error["path"][:2] == ["events", "items"]
